/** Minimal RIFF/WAVE reading and writing: 8 kHz mono, 16-bit PCM (format 1) or µ-law (format 7). */

export type Wav = { format: 'pcm16' | 'mulaw'; sampleRate: number; channels: number; data: Uint8Array };

export function parseWav(bytes: Uint8Array): Wav | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let fmt: { code: number; channels: number; rate: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16) {
      fmt = {
        code: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data' && fmt) {
      const end = Math.min(bytes.length, body + size);
      const format =
        fmt.code === 1 && fmt.bits === 16 ? 'pcm16' : fmt.code === 7 && fmt.bits === 8 ? 'mulaw' : undefined;
      if (!format) return undefined;
      return { format, sampleRate: fmt.rate, channels: fmt.channels, data: bytes.subarray(body, end) };
    }
    at = body + size + (size % 2);
  }
  return undefined;
}

/** Samples of a mono WAV, as 16-bit PCM whatever its format. */
export function wavSamples(wav: Wav, decode: (mulaw: Uint8Array) => Int16Array): Int16Array {
  if (wav.format === 'mulaw') return decode(wav.data);
  const copy = wav.data.slice(0, wav.data.length - (wav.data.length % 2));
  return new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2);
}

export function wavDurationMs(wav: Wav): number {
  const bytesPerSample = wav.format === 'pcm16' ? 2 : 1;
  return Math.round((wav.data.length / bytesPerSample / wav.channels / wav.sampleRate) * 1000);
}

/** A 16-bit PCM mono WAV at `sampleRate`. */
export function pcm16Wav(samples: Int16Array, sampleRate = 8000): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string) => [...s].forEach((c, i) => (out[at + i] = c.charCodeAt(0)));
  put(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i]!, true);
  return out;
}
