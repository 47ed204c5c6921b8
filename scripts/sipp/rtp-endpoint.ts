import { createSocket, type Socket } from 'node:dgram';
import { parseRtp, readRtpPcap, rtpHeader, type RtpPacket } from './pcap';
import { toneShare } from './pcmu';

export interface RtpStats {
  sent: number;
  received: number;
  /** Epoch ms of the first and last packet received. */
  firstReceivedAt?: number;
  lastReceivedAt?: number;
  /** Where the received packets came from (rtpengine's port for this leg). */
  receivedFrom?: string;
  /** Payload types seen. */
  payloadTypes: number[];
  /** The received PCMU audio, concatenated. */
  audio: Buffer;
  /** Epoch ms each received PCMU payload arrived, with its length in bytes (one per packet, in order). */
  arrivals: Array<{ at: number; bytes: number }>;
}

/**
 * The media side of a sipp call leg. sipp does the signalling and puts this socket's port in its SDP; this
 * socket plays RTP packets from a pcap (paced as captured, looped) and records what arrives, so a test can
 * prove audio flowed and check which tone it was. (sipp's own play_pcap_audio sends from a raw socket and
 * sipp cannot count what it receives without echoing it, hence our own endpoint.)
 */
export class RtpEndpoint {
  private readonly chunks: Buffer[] = [];
  private timer: NodeJS.Timeout | undefined;
  readonly stats: RtpStats = { sent: 0, received: 0, payloadTypes: [], audio: Buffer.alloc(0), arrivals: [] };

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (msg, rinfo) => {
      const rtp = parseRtp(msg);
      if (!rtp) return;
      const now = Date.now();
      this.stats.received++;
      this.stats.firstReceivedAt ??= now;
      this.stats.lastReceivedAt = now;
      this.stats.receivedFrom = `${rinfo.address}:${rinfo.port}`;
      if (!this.stats.payloadTypes.includes(rtp.payloadType)) this.stats.payloadTypes.push(rtp.payloadType);
      if (rtp.payloadType === 0) {
        this.chunks.push(Buffer.from(rtp.payload));
        this.stats.arrivals.push({ at: now, bytes: rtp.payload.length });
      }
    });
  }

  /** Binds 127.0.0.1 on `port` (0: any free port). */
  static open(port = 0, host = '127.0.0.1'): Promise<RtpEndpoint> {
    return new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        socket.on('error', () => {});
        resolve(new RtpEndpoint(socket, socket.address().port));
      });
    });
  }

  /** Plays the pcap's RTP packets to host:port, looping (with continuous sequence and timestamps). */
  play(pcapPath: string, remote: { host: string; port: number }) {
    this.stopPlaying();
    const packets: RtpPacket[] = readRtpPcap(pcapPath);
    if (packets.length === 0) throw new Error(`${pcapPath}: no RTP packets`);
    const loopUs = packets[packets.length - 1]!.offsetUs + 20_000;
    const loopTs = packets[packets.length - 1]!.timestamp - packets[0]!.timestamp + 160;
    const started = performance.now();
    let index = 0;
    const tick = () => {
      const elapsedUs = (performance.now() - started) * 1000;
      for (;;) {
        const loop = Math.floor(index / packets.length);
        const p = packets[index % packets.length]!;
        if (loop * loopUs + p.offsetUs > elapsedUs) break;
        const header = rtpHeader({
          payloadType: p.payloadType,
          sequence: p.sequence + loop * packets.length,
          timestamp: p.timestamp + loop * loopTs,
          ssrc: p.ssrc,
          marker: index === 0,
        });
        this.socket.send(Buffer.concat([header, p.payload]), remote.port, remote.host);
        this.stats.sent++;
        index++;
      }
    };
    tick();
    this.timer = setInterval(tick, 5);
  }

  stopPlaying() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The PCMU audio received so far. */
  audio(): Buffer {
    this.stats.audio = Buffer.concat(this.chunks);
    return this.stats.audio;
  }

  /** Share (0..1) of the received audio's energy at `frequency` Hz. */
  toneShare(frequency: number): number {
    return toneShare(this.audio(), frequency);
  }

  close(): Promise<void> {
    this.stopPlaying();
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
