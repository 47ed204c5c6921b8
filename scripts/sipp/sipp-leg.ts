import { createSocket } from 'node:dgram';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnProcess, type ProcessHandle } from '../stack/process-handle';
import { writeTonePcap } from './pcap';
import { RtpEndpoint } from './rtp-endpoint';

const scenarioDir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

/** A line `EVENT <name> <sec> <usec> <args...>` that a scenario logged, with sipp's own clock. */
export interface SippEvent {
  name: string;
  /** Epoch milliseconds (sipp's gettimeofday when it handled the message). */
  at: number;
  args: string[];
}

export interface SippLeg {
  name: string;
  process: ProcessHandle;
  rtp: RtpEndpoint;
  /** Events logged so far. */
  events(): SippEvent[];
  event(name: string): SippEvent | undefined;
  /** Resolves with the first event `name` (waits for it). */
  waitFor(name: string, timeoutMs?: number): Promise<SippEvent>;
  /** Resolves once sipp has exited (media stopped, events complete) with its exit code. */
  done: Promise<number>;
  stop(): Promise<void>;
}

/** A UDP port on 127.0.0.1 that was free a moment ago. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

/** The PCMU tone pcap for `frequency` in runDir (written once). */
export function tonePcap(runDir: string, frequency: number, seconds = 2): string {
  const path = join(runDir, `tone-${frequency}hz-${seconds}s.pcap`);
  if (!existsSync(path)) writeTonePcap(path, { frequency, seconds });
  return path;
}

function parseEvents(text: string): SippEvent[] {
  const events: SippEvent[] = [];
  for (const line of text.split('\n')) {
    const m = /^EVENT (\S+) ([0-9.]+) ([0-9.]+)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const at = Number.parseFloat(m[2]!) * 1000 + Number.parseFloat(m[3]!) / 1000;
    events.push({ name: m[1]!, at: Math.round(at * 10) / 10, args: m[4] ? m[4].split(/\s+/) : [] });
  }
  return events;
}

export interface LegOptions {
  runDir: string;
  /** Names the log files in runDir. */
  name: string;
  /** Scenario file in scripts/sipp/scenarios, without .xml. */
  scenario: string;
  /** {{PLACEHOLDER}} values for the scenario template. */
  template?: Record<string, string | number>;
  keys?: Record<string, string>;
  localPort: number;
  /** Kamailio host:port for a UAC; omitted for a UAS. */
  remote?: string;
  /** Plays this pcap to the far end's media address once the event `playOn` arrives. */
  pcap: string;
  playOn: { event: string; hostArg: number; portArg: number; fromEvent?: string };
  /** Overall sipp timeout in seconds. */
  timeoutS: number;
  rtpPort?: number;
  /** Local address for SIP and media (default 127.0.0.1; the gateway runs on 127.0.0.2). */
  host?: string;
  /** Calls sipp handles before exiting (default 1). */
  calls?: number;
}

/**
 * Writes `<dir>/<scenario>.xml` into the run dir as `<name>.xml` with its {{PLACEHOLDERS}} filled (a missing
 * value is an error), plus an empty `<name>.events.log` for the scenario's log lines.
 */
export function renderScenario(opts: {
  dir: string;
  scenario: string;
  template?: Record<string, string | number>;
  runDir: string;
  name: string;
}) {
  const xml = readFileSync(join(opts.dir, `${opts.scenario}.xml`), 'utf8').replace(
    /\{\{([A-Z_]+)\}\}/g,
    (match, key: string) => {
      const value = opts.template?.[key];
      if (value === undefined) throw new Error(`${opts.scenario}.xml: no value for ${match}`);
      return String(value);
    },
  );
  const scenarioPath = join(opts.runDir, `${opts.name}.xml`);
  writeFileSync(scenarioPath, xml);
  const logPath = join(opts.runDir, `${opts.name}.events.log`);
  writeFileSync(logPath, '');
  return { scenarioPath, logPath };
}

/** Starts sipp for one call leg whose media is a Node RTP endpoint. */
export async function startLeg(opts: LegOptions): Promise<SippLeg> {
  const { scenarioPath, logPath } = renderScenario({ ...opts, dir: scenarioDir });

  const host = opts.host ?? '127.0.0.1';
  const rtp = await RtpEndpoint.open(opts.rtpPort ?? 0, host);
  const args = [
    ...(opts.remote ? [opts.remote] : []),
    '-sf',
    scenarioPath,
    '-i',
    host,
    '-mi',
    host,
    '-p',
    String(opts.localPort),
    '-t',
    'u1',
    '-m',
    String(opts.calls ?? 1),
    '-l',
    '1',
    '-nostdin',
    '-timeout',
    String(opts.timeoutS),
    '-timeout_error',
    '-max_recv_loops',
    '1000',
    '-trace_logs',
    '-log_file',
    logPath,
    '-trace_msg',
    '-message_file',
    join(opts.runDir, `${opts.name}.messages.log`),
    '-trace_err',
    '-error_file',
    join(opts.runDir, `${opts.name}.errors.log`),
    '-key',
    'sb_rtp_port',
    String(rtp.port),
  ];
  for (const [key, value] of Object.entries(opts.keys ?? {})) args.push('-key', key, value);
  const proc = spawnProcess({ name: opts.name, command: 'sipp', args, runDir: opts.runDir });

  let events: SippEvent[] = [];
  let playing = false;
  const waiters: Array<{ name: string; resolve: (e: SippEvent) => void }> = [];
  const poll = () => {
    try {
      events = parseEvents(readFileSync(logPath, 'utf8'));
    } catch {
      return; // the run directory is gone
    }
    for (let i = waiters.length - 1; i >= 0; i--) {
      const e = events.find((ev) => ev.name === waiters[i]!.name);
      if (e) waiters.splice(i, 1)[0]!.resolve(e);
    }
    const trigger = events.find((e) => e.name === opts.playOn.event);
    if (trigger && !playing) {
      playing = true;
      const source = opts.playOn.fromEvent ? events.find((e) => e.name === opts.playOn.fromEvent) : trigger;
      const host = source?.args[opts.playOn.hostArg];
      const port = Number(source?.args[opts.playOn.portArg]);
      if (host && port > 0) rtp.play(opts.pcap, { host, port });
    }
  };
  const timer = setInterval(poll, 10);
  const done = proc.exited.then(async ({ code }) => {
    clearInterval(timer);
    poll();
    rtp.stopPlaying();
    // late packets of the far end still count
    await new Promise((r) => setTimeout(r, 50));
    rtp.audio();
    await rtp.close();
    return code ?? -1;
  });

  return {
    name: opts.name,
    process: proc,
    rtp,
    events: () => events,
    event: (name) => events.find((e) => e.name === name),
    waitFor(name, timeoutMs = 30_000) {
      const found = events.find((e) => e.name === name);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(
              new Error(
                `${opts.name}: no ${name} within ${timeoutMs} ms; events: ${events.map((e) => e.name).join(', ')}`,
              ),
            ),
          timeoutMs,
        );
        const settle = (e: SippEvent) => (clearTimeout(t), resolve(e));
        waiters.push({ name, resolve: settle });
        void done.then(() => {
          const e = events.find((ev) => ev.name === name);
          if (e) settle(e);
          else {
            clearTimeout(t);
            reject(
              new Error(`${opts.name}: sipp exited without ${name}; events: ${events.map((ev) => ev.name).join(', ')}`),
            );
          }
        });
      });
    },
    done,
    async stop() {
      await proc.stop(1000);
      await done;
    },
  };
}
