import { createSocket, type Socket } from 'node:dgram';
import { header, parseSip, randomToken, type SipMessage } from './sip-message';

/**
 * Raw SIP over UDP from a chosen local address: an attacker's (or a gateway's) socket. Sends whatever text it
 * is given and collects every datagram that comes back.
 */
export class UdpSipClient {
  readonly received: SipMessage[] = [];
  private waiters: Array<{ match: (m: SipMessage) => boolean; resolve: (m: SipMessage) => void }> = [];

  private constructor(
    private readonly socket: Socket,
    readonly host: string,
    readonly port: number,
  ) {
    socket.on('message', (data) => {
      const msg = parseSip(data.toString('utf8'));
      this.received.push(msg);
      this.waiters = this.waiters.filter((w) => (w.match(msg) ? (w.resolve(msg), false) : true));
    });
  }

  static open(host = '127.0.0.1', port = 0): Promise<UdpSipClient> {
    return new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', reject);
      socket.bind(port, host, () => resolve(new UdpSipClient(socket, host, socket.address().port)));
    });
  }

  send(raw: string | Buffer, port: number, host = '127.0.0.1'): Promise<void> {
    return new Promise((resolve, reject) =>
      this.socket.send(typeof raw === 'string' ? Buffer.from(raw) : raw, port, host, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }

  next(match: (m: SipMessage) => boolean, timeoutMs = 10_000): Promise<SipMessage> {
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching SIP message within ${timeoutMs} ms; got: ${this.received.map((m) => m.status ?? m.method).join(', ')}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** The first final (>= 200) response for this Call-ID. */
  finalFor(callId: string, timeoutMs?: number): Promise<SipMessage> {
    return this.next((m) => (m.status ?? 0) >= 200 && header(m, 'call-id') === callId, timeoutMs);
  }

  via(): string {
    return `SIP/2.0/UDP ${this.host}:${this.port};branch=z9hG4bK${randomToken(8)};rport`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
