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
      if (text.startsWith(cookie))
        done(text.includes('pong') ? { up: true } : { up: false, detail: text.slice(cookie.length + 1) });
    });
    sock.on('error', (e) => done({ up: false, detail: e.message }));
    sock.send(`${cookie} d7:command4:pinge`, port, host);
  });
}

/** A SIP UA over UDP is up when it answers an OPTIONS (any final reply). */
export function probeSipUdp(host: string, port: number, timeoutMs = 1000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const sock = createSocket('udp4');
    const branch = `z9hG4bK${randomBytes(8).toString('hex')}`;
    const timer = setTimeout(() => done({ up: false, detail: `no SIP answer on ${host}:${port}` }), timeoutMs);
    function done(r: ProbeResult) {
      clearTimeout(timer);
      sock.close();
      resolve(r);
    }
    sock.on('message', (msg) => {
      const text = msg.toString();
      if (text.includes(branch) && /^SIP\/2\.0 [2-6]\d\d/.test(text)) done({ up: true });
    });
    sock.on('error', (e) => done({ up: false, detail: e.message }));
    sock.bind(0, '127.0.0.1', () => {
      const { port: local } = sock.address();
      const msg = [
        `OPTIONS sip:${host}:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=${branch};rport`,
        'Max-Forwards: 1',
        `From: <sip:health@127.0.0.1>;tag=${branch.slice(7, 15)}`,
        `To: <sip:${host}:${port}>`,
        `Call-ID: ${branch}@health`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      sock.send(msg, port, host);
    });
  });
}
