/** G.711 µ-law (PCMU) and a tone detector: enough to make and check test audio. */

const BIAS = 0x84;
const CLIP = 32635;

export function linearToMulaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  s = Math.min(s, CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

export function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

/** `seconds` of a sine at `frequency` Hz, 8 kHz, µ-law encoded. Amplitude ~ -10 dBFS. */
export function mulawTone(frequency: number, seconds: number, sampleRate = 8000): Buffer {
  const count = Math.round(seconds * sampleRate);
  const out = Buffer.alloc(count);
  for (let i = 0; i < count; i++) out[i] = linearToMulaw(10_000 * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
  return out;
}

/** Share of the signal's energy at `frequency` (Goertzel over 20 ms blocks), 0..1. */
export function toneShare(mulaw: Buffer, frequency: number, sampleRate = 8000): number {
  const block = 160;
  let tone = 0;
  let total = 0;
  const coeff = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  for (let start = 0; start + block <= mulaw.length; start += block) {
    let s1 = 0;
    let s2 = 0;
    let energy = 0;
    for (let i = 0; i < block; i++) {
      const x = mulawToLinear(mulaw[start + i]!);
      energy += x * x;
      const s0 = x + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    // |X(f)|^2 of the block; a pure tone at f carries energy ~ |X|^2 * 2 / N
    tone += ((s1 * s1 + s2 * s2 - coeff * s1 * s2) * 2) / block;
    total += energy;
  }
  return total === 0 ? 0 : Math.min(1, tone / total);
}
