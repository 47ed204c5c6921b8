import { pcm16Wav } from '../common/audio/wav';
import type { BoxInfo, PortalLogin } from '../common/voicemail-hooks';
import { BEEP_HZ, BEEP_MS, silence, tone } from './audio';
import type { CompanionClient } from './companion-client';
import { Recorder } from './recorder';
import type { RtpStream } from './rtp-stream';

/** What a flow may do with its call: the media, hang up, and learn that the caller hung up. */
export type CallHandle = {
  callId: string;
  caller: string;
  rtp: RtpStream;
  hangUp(): void;
  /** Resolves when the call has ended, by either side. */
  ended: Promise<void>;
  log(line: string): void;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Leaving a message: the greeting, a beep, then recording until the caller hangs up, stays silent for
 * `silenceSeconds`, or reaches the box's maximum length. The message goes to the companion, which keeps it
 * (or drops it as a hang-up when it holds under a second of sound).
 */
export async function leaveMessage(
  call: CallHandle,
  box: BoxInfo,
  companion: CompanionClient,
  silenceSeconds: number,
): Promise<void> {
  const greeting = await companion.greeting(box.boxId).catch((err: unknown) => {
    call.log(`greeting of ${box.boxId} unavailable (${String(err)}): beep only`);
    return new Uint8Array();
  });
  let over = false;
  void call.ended.then(() => (over = true));
  await Promise.race([
    call.rtp.play(new Uint8Array([...greeting, ...silence(200), ...tone(BEEP_HZ, BEEP_MS)])),
    call.ended,
  ]);
  if (over) return call.log('caller hung up during the greeting');

  const recorder = new Recorder(box.maxSeconds);
  call.rtp.onAudio = (payload, ts) => recorder.add(payload, ts);
  let why = 'caller hung up';
  let trimMs = 0;
  while (!over) {
    await Promise.race([sleep(100), call.ended]);
    if (over) break;
    if (recorder.full || Date.now() - recorder.startedAt >= box.maxSeconds * 1000) {
      why = `maximum length of ${box.maxSeconds} s`;
      break;
    }
    const quiet = Date.now() - recorder.lastSoundAt;
    if (quiet >= silenceSeconds * 1000) {
      why = `${silenceSeconds} s of silence`;
      trimMs = quiet;
      break;
    }
  }
  call.rtp.onAudio = () => {};
  if (!over) call.hangUp();
  const samples = recorder.take(trimMs);
  call.log(
    `message for ${box.boxId} from ${call.caller}: ${Math.round(samples.length / 8)} ms, ${recorder.soundMs} ms of sound, ended by ${why}`,
  );
  const result = await companion.store(
    {
      boxId: box.boxId,
      callId: call.callId,
      caller: call.caller,
      startedAt: recorder.startedAt,
      soundMs: recorder.soundMs,
    },
    pcm16Wav(samples),
  );
  call.log(result.stored ? `stored message ${result.id}` : `not stored: ${result.reason}`);
}

/** Collects digits until '#', `max` digits, or `timeoutMs` without a key. */
function collectDigits(call: CallHandle, opts: { max: number; timeoutMs: number }): Promise<string> {
  return new Promise((resolve) => {
    let digits = '';
    let timer: NodeJS.Timeout;
    const done = () => {
      clearTimeout(timer);
      call.rtp.onDigit = () => {};
      resolve(digits);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, opts.timeoutMs);
    };
    call.rtp.onDigit = (d) => {
      call.rtp.flush();
      if (d === '#') return done();
      digits += d;
      if (digits.length >= opts.max) return done();
      arm();
    };
    arm();
    void call.ended.then(done);
  });
}

const MAX_PIN_ATTEMPTS = 3;

/**
 * The voice portal: the PIN by DTMF (RFC 4733) followed by '#'; three wrong PINs end the call. With the
 * right PIN, each new message plays in order (oldest first) and is marked heard.
 */
export async function voicePortal(
  call: CallHandle,
  who: PortalLogin['who'],
  companion: CompanionClient,
): Promise<void> {
  let over = false;
  void call.ended.then(() => (over = true));
  const say = async (name: Parameters<CompanionClient['prompt']>[0]) => {
    if (!over) await Promise.race([call.rtp.play(await companion.prompt(name)), call.ended]);
  };
  for (let attempt = 1; attempt <= MAX_PIN_ATTEMPTS && !over; attempt++) {
    const digits = collectDigits(call, { max: 8, timeoutMs: 15_000 });
    await say('enter-pin');
    const pin = await digits;
    if (over) return;
    const result = await companion.login({ who, pin });
    if (!result.ok && result.reason === 'no-box') {
      await say('unknown-box');
      break;
    }
    if (!result.ok) {
      call.log(`portal: wrong PIN (attempt ${attempt} of ${MAX_PIN_ATTEMPTS})`);
      await say('wrong-pin');
      continue;
    }
    call.log(`portal: box ${result.boxId}, ${result.messages.length} new message(s)`);
    if (result.messages.length === 0) await say('no-messages');
    for (const m of result.messages) {
      if (over) return;
      await say('next-message');
      const audio = await companion.messageAudio(result.boxId, m.id);
      await Promise.race([call.rtp.play(audio), call.ended]);
      if (over) return;
      await companion.heard(result.boxId, m.id);
    }
    if (result.messages.length) await say('end-of-messages');
    break;
  }
  await say('goodbye');
  if (!over) call.hangUp();
}
