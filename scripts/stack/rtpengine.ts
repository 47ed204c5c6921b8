import { createSocket } from 'node:dgram';
import { spawnProcess, type ProcessHandle } from './process-handle';

export interface RtpengineOptions {
  runDir: string;
  /** UDP port of the ng control protocol on 127.0.0.1. */
  ngPort: number;
  portMin: number;
  portMax: number;
  /** rtpengine log level, 6 = info (default). */
  logLevel?: number;
}

export const RTPENGINE_DEFAULTS = { ngPort: 22222, portMin: 30000, portMax: 30999 } as const;

/** The argument list; see deploy/rtpengine/README.md. */
export function rtpengineArgs(opts: RtpengineOptions): string[] {
  return [
    '--config-file=none',
    '--table=-1',
    '--foreground',
    '--log-stderr',
    '--no-log-timestamps',
    `--log-level=${opts.logLevel ?? 6}`,
    '--interface=127.0.0.1',
    `--listen-ng=127.0.0.1:${opts.ngPort}`,
    `--port-min=${opts.portMin}`,
    `--port-max=${opts.portMax}`,
    '--delete-delay=0',
    '--timeout=60',
    '--silent-timeout=3600',
    '--final-timeout=10800',
  ];
}

/** Sends an ng "ping"; resolves true on "pong". */
export function pingRtpengine(ngPort: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const cookie = `ping${process.pid}${Date.now()}`;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('message', (msg) => done(msg.toString().startsWith(`${cookie} `) && msg.includes('pong')));
    socket.on('error', () => done(false));
    socket.send(`${cookie} d7:command4:pinge`, ngPort, '127.0.0.1');
  });
}

/** Starts rtpengine (userspace only) and resolves once it answers ng pings. */
export async function startRtpengine(opts: RtpengineOptions): Promise<ProcessHandle> {
  const handle = spawnProcess({
    name: 'rtpengine',
    command: 'rtpengine',
    args: rtpengineArgs(opts),
    runDir: opts.runDir,
  });
  try {
    await handle.waitFor(/Startup complete/, 15_000);
    await handle.waitFor(() => pingRtpengine(opts.ngPort), 5_000);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}
