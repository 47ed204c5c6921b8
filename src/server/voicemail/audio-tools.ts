import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseWav, wavDurationMs, type Wav } from '../../common/audio/wav';
import { AppError } from '../../common/errors';

/**
 * Audio for telephony: every greeting and prompt is stored as an 8 kHz mono µ-law (PCMU) WAV, converted by
 * sox (WAV, MP3 through libsox-fmt-mp3, OGG Vorbis) or spoken by espeak-ng. These are the only places the
 * companion runs other programs.
 */

function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { timeout: timeoutMs }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

/** What the bytes are, by their magic numbers; sox is told the type so it never guesses from a name. */
export function sniffAudioType(bytes: Uint8Array): 'wav' | 'mp3' | 'ogg' | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12) return undefined;
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)) return 'mp3';
  return undefined;
}

const scratch = (ext: string) =>
  join(tmpdir(), `switchboard-audio-${process.pid}-${Math.random().toString(36).slice(2)}.${ext}`);

/** Converts an upload to an 8 kHz µ-law WAV at `out` (written atomically); refuses what is not audio or too long. */
export async function convertUpload(
  bytes: Uint8Array,
  out: string,
  maxSeconds: number,
): Promise<{ durationMs: number }> {
  const type = sniffAudioType(bytes);
  if (!type) throw new AppError('INVALID_INPUT', 'file: This is not a WAV, MP3 or OGG audio file', ['file']);
  const input = scratch(type);
  const converted = scratch('wav');
  try {
    writeFileSync(input, bytes);
    try {
      await run('sox', ['-t', type, input, '-r', '8000', '-c', '1', '-e', 'u-law', '-b', '8', '-t', 'wav', converted]);
    } catch {
      throw new AppError('INVALID_INPUT', 'file: The audio could not be read; upload a WAV, MP3 or OGG file', ['file']);
    }
    const durationMs = readDurationMs(converted);
    if (durationMs <= 0) throw new AppError('INVALID_INPUT', 'file: The recording is empty', ['file']);
    if (durationMs > maxSeconds * 1000)
      throw new AppError(
        'INVALID_INPUT',
        `file: Greetings are up to ${maxSeconds / 60} minutes; this one is ${Math.round(durationMs / 1000)} s`,
        ['file'],
      );
    moveInto(converted, out);
    return { durationMs };
  } finally {
    rmSync(input, { force: true });
    rmSync(converted, { force: true });
  }
}

/** Speaks `text` with espeak-ng into an 8 kHz µ-law WAV at `out`. */
export async function speak(text: string, out: string): Promise<{ durationMs: number }> {
  const spoken = scratch('wav');
  const converted = scratch('wav');
  try {
    await run('espeak-ng', ['-v', 'en-gb', '-s', '150', '-w', spoken, '--', text]);
    await run('sox', [spoken, '-r', '8000', '-c', '1', '-e', 'u-law', '-b', '8', '-t', 'wav', converted]);
    const durationMs = readDurationMs(converted);
    moveInto(converted, out);
    return { durationMs };
  } finally {
    rmSync(spoken, { force: true });
    rmSync(converted, { force: true });
  }
}

function readWav(path: string): Wav {
  const wav = parseWav(readFileSync(path));
  if (!wav) throw new Error(`${path}: not a WAV file`);
  return wav;
}

function readDurationMs(path: string): number {
  return wavDurationMs(readWav(path));
}

/** Copies then renames, so `out` is either absent or complete. */
function moveInto(from: string, out: string) {
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.part`;
  writeFileSync(tmp, readFileSync(from));
  renameSync(tmp, out);
}

/** The raw PCMU bytes of an 8 kHz µ-law WAV (what the voicemail service plays). */
export function pcmuOf(path: string): Uint8Array {
  const wav = readWav(path);
  if (wav.format !== 'mulaw' || wav.sampleRate !== 8000) throw new Error(`${path}: not 8 kHz µ-law`);
  return wav.data;
}

/** Spoken text, cached by content under `dir`: rendered once, then read. */
export async function spokenPcmu(dir: string, text: string): Promise<Uint8Array> {
  const path = join(dir, `${createHash('sha1').update(text).digest('hex')}.wav`);
  if (!existsSync(path)) await speak(text, path);
  return pcmuOf(path);
}
