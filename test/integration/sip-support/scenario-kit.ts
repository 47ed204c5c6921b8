import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintEphemeralCredentials } from '../../../src/server/auth/ephemeral-credentials';
import { kamcmd } from '../../../scripts/stack/kamcmd';
import { renderScenario } from '../../../scripts/sipp/sipp-leg';
import { PHONE_NETWORK_HOST } from '../../../scripts/sipp/caller';
import { spawnProcess, type ProcessHandle } from '../../../scripts/stack/process-handle';
import { freePort } from './ports';
import { runSipp } from './sipp';
import { startTestSipStack, type TestSipStack } from './test-stack';

/**
 * Building blocks for routing scenarios on real calls: a SIP stack with room for many calls, phones that
 * register an extension and take any number of calls (answer after a while, only ring, or be busy), a
 * phone-network gateway that answers whatever it is sent, and a crowd of callers holding calls at once.
 * Every phone logs what happened with sipp's own clock, per SIP Call-ID.
 */

const scenarios = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** rtpengine + Kamailio with a media port range wide enough for ~150 calls. */
export const startScenarioSipStack = (opts: { secret: string; hookUrl: string; pstnGateway?: string }) =>
  startTestSipStack({ ...opts, wide: true });

/** One line a phone logged: `EVENT <name> <sec> <usec> <call-id> [args]`. */
export interface PhoneEvent {
  name: 'invite' | 'answered' | 'cancelled' | 'ended' | 'busy' | 'final';
  /** Epoch ms, sipp's gettimeofday when it handled the message. */
  at: number;
  callId: string;
  args: string[];
}

export type PhoneBehaviour = { answerAfterMs: number } | 'ring' | 'busy';

export interface Phone {
  name: string;
  events(): PhoneEvent[];
  /** Events of one call, in order. */
  call(callId: string): PhoneEvent[];
  /** The first event `name` of the call. */
  first(callId: string, name: PhoneEvent['name']): PhoneEvent | undefined;
  /** Call-IDs of the INVITEs received, in order. */
  invitedCalls(): string[];
  /** Waits for an event (of any call, or of `callId`). */
  waitFor(name: PhoneEvent['name'], callId?: string, timeoutMs?: number): Promise<PhoneEvent>;
  /** Called once per event as it is noticed (e.g. to tell the companion the phone answered). */
  onEvent(listener: (e: PhoneEvent) => void): void;
  stop(): Promise<void>;
}

function parsePhoneEvents(text: string): PhoneEvent[] {
  const events: PhoneEvent[] = [];
  for (const line of text.split('\n')) {
    const m = /^EVENT (\S+) ([0-9.]+) ([0-9.]+) (\S+)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const at = Number.parseFloat(m[2]!) * 1000 + Number.parseFloat(m[3]!) / 1000;
    events.push({
      name: m[1] as PhoneEvent['name'],
      at: Math.round(at * 10) / 10,
      callId: m[4]!,
      args: m[5] ? m[5].split(/\s+/) : [],
    });
  }
  return events;
}

/** Runs a scenario (from ./scenarios, with {{PLACEHOLDERS}} filled) and follows its EVENT log. */
function followSipp(opts: {
  runDir: string;
  name: string;
  scenario: string;
  template?: Record<string, string | number>;
  localPort: number;
  remotePort?: number;
  keys?: Record<string, string>;
  extraArgs?: string[];
  /** The address sipp signals from (the phone network: PHONE_NETWORK_HOST). */
  host?: string;
}): {
  process: ProcessHandle;
  events: () => PhoneEvent[];
  listeners: Array<(e: PhoneEvent) => void>;
  poll: () => void;
  stopPolling: () => void;
} {
  const { scenarioPath, logPath } = renderScenario({ ...opts, dir: scenarios });
  const args = [
    ...(opts.remotePort ? [`127.0.0.1:${opts.remotePort}`] : []),
    '-sf',
    scenarioPath,
    '-i',
    opts.host ?? '127.0.0.1',
    '-mi',
    '127.0.0.1',
    '-p',
    String(opts.localPort),
    '-t',
    'u1',
    '-nostdin',
    '-max_recv_loops',
    '1000',
    '-trace_logs',
    '-log_file',
    logPath,
    '-trace_err',
    '-error_file',
    join(opts.runDir, `${opts.name}.errors.log`),
    ...(opts.extraArgs ?? []),
  ];
  for (const [key, value] of Object.entries(opts.keys ?? {})) args.push('-key', key, value);
  const proc = spawnProcess({ name: opts.name, command: 'sipp', args, runDir: opts.runDir });
  let events: PhoneEvent[] = [];
  const listeners: Array<(e: PhoneEvent) => void> = [];
  const poll = () => {
    let text: string;
    try {
      text = readFileSync(logPath, 'utf8');
    } catch {
      return;
    }
    const all = parsePhoneEvents(text);
    const fresh = all.slice(events.length);
    events = all;
    for (const e of fresh) for (const l of listeners) l(e);
  };
  const timer = setInterval(poll, 10);
  return { process: proc, events: () => events, listeners, poll, stopPolling: () => clearInterval(timer) };
}

function phoneFrom(name: string, run: ReturnType<typeof followSipp>): Phone {
  const { events } = run;
  const phone: Phone = {
    name,
    events,
    call: (callId) => events().filter((e) => e.callId === callId),
    first: (callId, n) => events().find((e) => e.callId === callId && e.name === n),
    invitedCalls: () =>
      events()
        .filter((e) => e.name === 'invite')
        .map((e) => e.callId),
    async waitFor(n, callId, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events().find((e) => e.name === n && (callId === undefined || e.callId === callId));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `${name}: no ${n}${callId ? ` for ${callId}` : ''} within ${timeoutMs} ms; saw ${
              events()
                .map((e) => e.name)
                .join(', ') || 'nothing'
            }`,
          );
        await sleep(20);
      }
    },
    onEvent: (listener) => void run.listeners.push(listener),
    async stop() {
      await run.process.stop(1000);
      run.poll();
      run.stopPolling();
    },
  };
  return phone;
}

/**
 * A phone registered as `extension` (earlier contacts of the extension are removed first), taking every
 * call it is sent with `behaviour`, until stopped.
 */
export async function startPhone(sip: TestSipStack, extension: string, behaviour: PhoneBehaviour): Promise<Phone> {
  await kamcmd(sip.runDir, 'ul.rm', 'location', `s:${extension}`);
  const port = await freePort();
  const code = await runSipp({
    runDir: sip.runDir,
    name: `register-${extension}-${port}`,
    scenario: 'register',
    remotePort: sip.sipPort,
    localPort: port,
    keys: { sb_ext: extension, sb_domain: sip.domain },
    auth: mintEphemeralCredentials(sip.secret, extension, 600, Date.now()),
  });
  if (code !== 0) throw new Error(`extension ${extension} did not register (sipp exit ${code})`);
  const label = behaviour === 'ring' || behaviour === 'busy' ? behaviour : `answer${behaviour.answerAfterMs}`;
  const name = `phone-${extension}-${label}-${port}`;
  const run = followSipp({
    runDir: sip.runDir,
    name,
    scenario: behaviour === 'busy' ? 'phone-busy' : 'phone-answer',
    template:
      behaviour === 'busy' ? {} : { RING_MS: behaviour === 'ring' ? 3_600_000 : Math.max(1, behaviour.answerAfterMs) },
    localPort: port,
    keys: { sb_rtp_port: String(await freePort()) },
    extraArgs: ['-m', '100000'],
  });
  return phoneFrom(name, run);
}

/** The phone-network gateway (PSTN_GATEWAY of the companion): answers every call after `answerAfterMs`. */
export async function startGateway(sip: TestSipStack, port: number, answerAfterMs = 100): Promise<Phone> {
  const name = `gateway-${port}-${Date.now()}`;
  const run = followSipp({
    runDir: sip.runDir,
    name,
    scenario: 'phone-answer',
    template: { RING_MS: answerAfterMs },
    localPort: port,
    host: PHONE_NETWORK_HOST,
    keys: { sb_rtp_port: String(await freePort()) },
    extraArgs: ['-m', '100000'],
  });
  return phoneFrom(name, run);
}

export interface Crowd {
  /** Events of every call of the crowd (answered, final <code>, ended). */
  events(): PhoneEvent[];
  /** Resolves with sipp's exit code once every call is over. */
  done: Promise<number>;
  stop(): Promise<void>;
}

/** `calls` callers from `from` dialling `number` at `rate` calls/s; each stays `holdMs` after the answer. */
export async function startCrowd(
  sip: TestSipStack,
  opts: { number: string; from: string; calls: number; rate: number; holdMs: number },
): Promise<Crowd> {
  const port = await freePort();
  const run = followSipp({
    runDir: sip.runDir,
    name: `crowd-${port}`,
    scenario: 'hold-caller',
    template: { HOLD_MS: opts.holdMs },
    localPort: port,
    host: PHONE_NETWORK_HOST,
    remotePort: sip.sipPort,
    keys: { sb_to: opts.number, sb_from: opts.from, sb_domain: sip.domain, sb_rtp_port: String(await freePort()) },
    extraArgs: [
      '-m',
      String(opts.calls),
      '-l',
      String(opts.calls),
      '-r',
      String(opts.rate),
      '-rp',
      '1000',
      '-timeout',
      '120',
      '-timeout_error',
    ],
  });
  const done = run.process.exited.then(({ code }) => {
    run.poll();
    run.stopPolling();
    return code ?? -1;
  });
  return {
    events: run.events,
    done,
    async stop() {
      await run.process.stop(1000);
      await done;
    },
  };
}
