import { randomInt } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

const FRAME = 160; // 20 ms of 8 kHz PCMU
const DTMF_EVENTS = '0123456789*#';

/** Received audio: PCMU bytes and their RTP timestamp. */
export type AudioListener = (payload: Uint8Array, timestamp: number) => void;

/**
 * One call's media: a UDP socket on loopback that sends PCMU frames paced every 20 ms from a queue, and
 * reports the PCMU and the RFC 4733 DTMF digits it receives.
 */
export class RtpStream {
  private queue: Uint8Array[] = [];
  private drained: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private sentFrames = 0;
  private seq = randomInt(0, 0xffff);
  private ts = randomInt(0, 0x7fffffff);
  private readonly ssrc = randomInt(1, 0x7fffffff);
  private remote: { host: string; port: number } | undefined;
  private lastEventTs: number | undefined;
  onAudio: AudioListener = () => {};
  onDigit: (digit: string) => void = () => {};

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
    private readonly eventPts: Set<number>,
  ) {
    socket.on('message', (msg) => this.receive(msg));
  }

  static open(host: string, eventPts: number[], range?: { min: number; max: number }): Promise<RtpStream> {
    const tryPort = (port: number) =>
      new Promise<RtpStream>((resolve, reject) => {
        const socket = createSocket('udp4');
        socket.once('error', reject);
        socket.bind(port, host, () => {
          socket.off('error', reject);
          socket.on('error', () => {});
          resolve(new RtpStream(socket, socket.address().port, new Set(eventPts)));
        });
      });
    if (!range) return tryPort(0);
    const attempt = async (left: number): Promise<RtpStream> => {
      const port = range.min + 2 * randomInt(0, Math.floor((range.max - range.min) / 2) + 1);
      try {
        return await tryPort(port);
      } catch (err) {
        if (left <= 0) throw err;
        return attempt(left - 1);
      }
    };
    return attempt(50);
  }

  connect(remote: { host: string; port: number }) {
    this.remote = remote;
  }

  private receive(msg: Buffer) {
    if (msg.length < 12 || msg[0]! >> 6 !== 2) return;
    const pt = msg[1]! & 0x7f;
    const csrc = msg[0]! & 0x0f;
    let offset = 12 + 4 * csrc;
    if (msg[0]! & 0x10 && msg.length >= offset + 4) offset += 4 + 4 * msg.readUInt16BE(offset + 2);
    const padding = msg[0]! & 0x20 ? msg[msg.length - 1]! : 0;
    const payload = new Uint8Array(msg.subarray(offset, msg.length - padding));
    const timestamp = msg.readUInt32BE(4);
    if (pt === 0) this.onAudio(payload, timestamp);
    else if (this.eventPts.has(pt) && payload.length >= 4) {
      // RFC 4733: every packet of one key press carries the same timestamp; the first one names the digit.
      if (timestamp === this.lastEventTs) return;
      this.lastEventTs = timestamp;
      const digit = DTMF_EVENTS[payload[0]!];
      if (digit) this.onDigit(digit);
    }
  }

  /** Queues PCMU audio; resolves when it has all been sent. */
  play(pcmu: Uint8Array): Promise<void> {
    for (let at = 0; at < pcmu.length; at += FRAME) {
      const frame = new Uint8Array(FRAME).fill(0xff);
      frame.set(pcmu.subarray(at, Math.min(at + FRAME, pcmu.length)));
      this.queue.push(frame);
    }
    this.ensureTimer();
    return new Promise((resolve) => (this.queue.length === 0 ? resolve() : this.drained.push(resolve)));
  }

  /** Drops what is still queued (the caller pressed a key during a prompt). */
  flush() {
    this.queue = [];
    this.drained.splice(0).forEach((r) => r());
  }

  private ensureTimer() {
    if (this.timer) return;
    this.started = performance.now();
    this.sentFrames = 0;
    this.timer = setInterval(() => this.tick(), 5);
  }

  private tick() {
    const due = Math.floor((performance.now() - this.started) / 20) + 1;
    while (this.sentFrames < due && this.queue.length > 0) {
      const frame = this.queue.shift()!;
      this.send(frame, this.sentFrames === 0);
      this.sentFrames++;
    }
    if (this.queue.length === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.drained.splice(0).forEach((r) => r());
    }
  }

  private send(frame: Uint8Array, marker: boolean) {
    if (!this.remote) return;
    const header = Buffer.alloc(12);
    header[0] = 0x80;
    header[1] = marker ? 0x80 : 0;
    header.writeUInt16BE(this.seq, 2);
    header.writeUInt32BE(this.ts >>> 0, 4);
    header.writeUInt32BE(this.ssrc, 8);
    this.seq = (this.seq + 1) & 0xffff;
    this.ts = (this.ts + FRAME) >>> 0;
    this.socket.send(Buffer.concat([header, frame]), this.remote.port, this.remote.host);
  }

  close() {
    this.flush();
    if (this.timer) clearInterval(this.timer);
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}
