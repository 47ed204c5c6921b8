import { mulawToLinear } from '../common/audio/g711';
import { isSound } from './audio';

/**
 * The caller's message: received PCMU placed by RTP timestamp (lost packets become silence), up to a
 * maximum length, with the time of the last sound so the call can end after a long silence.
 */
export class Recorder {
  private samples: Int16Array;
  private length = 0;
  private firstTs: number | undefined;
  private soundFrames = 0;
  lastSoundAt: number;
  readonly startedAt: number;

  constructor(
    private readonly maxSeconds: number,
    now = Date.now(),
  ) {
    this.samples = new Int16Array(maxSeconds * 8000);
    this.startedAt = now;
    this.lastSoundAt = now;
  }

  get full(): boolean {
    return this.length >= this.samples.length;
  }

  /** Milliseconds of sound received (20 ms frames above the silence level). */
  get soundMs(): number {
    return this.soundFrames * 20;
  }

  add(payload: Uint8Array, timestamp: number, now = Date.now()) {
    this.firstTs ??= timestamp;
    const at = (timestamp - this.firstTs) >>> 0;
    if (at >= this.samples.length) return;
    const room = Math.min(payload.length, this.samples.length - at);
    for (let i = 0; i < room; i++) this.samples[at + i] = mulawToLinear(payload[i]!);
    this.length = Math.max(this.length, at + room);
    if (isSound(payload)) {
      this.soundFrames++;
      this.lastSoundAt = now;
    }
  }

  /** The message so far; `trimMs` of trailing silence cut off (ended by silence). */
  take(trimMs = 0): Int16Array {
    const end = Math.max(0, this.length - Math.round((trimMs / 1000) * 8000));
    return this.samples.slice(0, end);
  }
}
