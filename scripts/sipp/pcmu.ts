/** Test audio on top of the product's G.711 µ-law codec (src/common/audio/g711.ts): tones and a tone detector. */

import { linearToMulaw, mulawToLinear } from '../../src/common/audio/g711';

export { linearToMulaw, mulawToLinear };

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
