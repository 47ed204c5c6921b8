import { linearToMulaw, mulawToLinear } from '../common/audio/g711';

/** The beep after the greeting: 1400 Hz for 400 ms, then the caller speaks. */
export const BEEP_HZ = 1400;
export const BEEP_MS = 400;

export function tone(frequency: number, ms: number, amplitude = 8000): Uint8Array {
  const n = Math.round((ms / 1000) * 8000);
  return Uint8Array.from({ length: n }, (_, i) =>
    linearToMulaw(amplitude * Math.sin((2 * Math.PI * frequency * i) / 8000)),
  );
}

export const silence = (ms: number) => new Uint8Array(Math.round((ms / 1000) * 8000)).fill(0xff);

/** A 20 ms frame counts as sound when its RMS is above this (about -45 dBFS). */
const SOUND_RMS = 180;

export function isSound(pcmu: Uint8Array): boolean {
  if (pcmu.length === 0) return false;
  let sum = 0;
  for (const b of pcmu) {
    const x = mulawToLinear(b);
    sum += x * x;
  }
  return Math.sqrt(sum / pcmu.length) > SOUND_RMS;
}
