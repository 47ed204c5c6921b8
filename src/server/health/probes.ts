import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';

export type ProbeResult = { up: boolean; detail?: string };

/** Kamailio is up when its WebSocket port accepts a TCP connection. */
export function probeTcp(host: string, port: number, timeoutMs = 1000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const sock = connect({ host, port });
    const done = (r: ProbeResult) => {
      sock.destroy();
      resolve(r);
    };
    sock.setTimeout(timeoutMs, () => done({ up: false, detail: `no answer on ${host}:${port}` }));
    sock.once('connect', () => done({ up: true }));
    sock.once('error', (e) => done({ up: false, detail: e.message }));
  });
}

/** rtpengine is up when its ng control socket answers a bencoded ping with pong. */
export function probeRtpengine(host: string, port: number, timeoutMs = 1000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const cookie = randomBytes(6).toString('hex');
    const timer = setTimeout(() => done({ up: false, detail: `no answer on ${host}:${port}` }), timeoutMs);
    function done(r: ProbeResult) {
      clearTimeout(timer);
      sock.close();
      resolve(r);
    }
    sock.on('message', (msg) => {
      const text = msg.toString();
      if (text.startsWith(cookie)) done(text.includes('pong') ? { up: true } : { up: false, detail: text.slice(cookie.length + 1) });
    });
    sock.on('error', (e) => done({ up: false, detail: e.message }));
    sock.send(`${cookie} d7:command4:pinge`, port, host);
  });
}
