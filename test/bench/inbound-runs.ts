import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { PHONE_NETWORK_HOST, startCaller } from '../../scripts/sipp/caller';
import { freeUdpPort } from '../../scripts/sipp/sipp-leg';
import { kamcmd } from '../../scripts/stack/kamcmd';
import { spawnProcess, type ProcessHandle } from '../../scripts/stack/process-handle';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { hookToken } from '../../src/server/auth/hook-token';
import { keepBeating } from '../support/heartbeat';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { runSipp } from '../integration/sip-support/sipp';

const scenarioDir = join(import.meta.dirname, 'scenarios');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The shared SIP secret of the running stack, read back from the Kamailio config it rendered. */
export function stackSecret(stack: ProductStack): string {
  const cfg = readFileSync(join(stack.runDir, 'kamailio.cfg'), 'utf8');
  const m = /modparam\("auth_ephemeral", "secret", "([^"]+)"\)/.exec(cfg);
  if (!m) throw new Error('no auth_ephemeral secret in the rendered kamailio.cfg');
  return m[1]!;
}

/** `EVENT <name> <sec> <usec> <args...>` lines of a sipp log: epoch ms (sipp's gettimeofday). */
function sippEvents(path: string): { name: string; at: number; args: string[] }[] {
  const out: { name: string; at: number; args: string[] }[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^EVENT (\S+) ([0-9.]+) ([0-9.]+)\s*(.*)$/.exec(line.trim());
    if (m)
      out.push({
        name: m[1]!,
        at: Number.parseFloat(m[2]!) * 1000 + Number.parseFloat(m[3]!) / 1000,
        args: m[4] ? m[4].split(/\s+/) : [],
      });
  }
  return out;
}

/** Lines Kamailio wrote to its log after byte `from`. */
function logSince(path: string, from: number): string {
  return readFileSync(path).subarray(from).toString('utf8');
}

// ----- companion feed: makes an agent "available" for routing without a browser -----

async function signInCookie(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'switchboard' }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in ${email}: no session cookie`);
  return cookie;
}

/** A feed connection reporting a registered, idle phone: what an open tab does, so routing picks the agent. */
async function availableOnFeed(url: string, email: string): Promise<Socket> {
  const cookie = await signInCookie(url, email);
  const socket = keepBeating(
    io(url, { transports: ['websocket'], extraHeaders: { cookie, origin: url }, reconnection: false, forceNew: true }),
  );
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no presence:snapshot on the feed')), 10_000);
    socket.once('presence:snapshot', () => (clearTimeout(t), resolve()));
  });
  await new Promise<void>((resolve) =>
    socket.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, () => resolve()),
  );
  return socket;
}

// ----- 1. the routing lookup inside Kamailio at a steady call rate -----

export type LookupCall = {
  callId: string;
  sent: number;
  atAgent?: number;
  answered?: number;
  lookupUs?: number;
  lookupHttp?: number;
  lookups: number;
};
export type LookupPhase = {
  target: string;
  kind: 'virtual-number' | 'extension';
  rate: number;
  calls: number;
  sippExit: number;
  results: LookupCall[];
};
export type LookupBench = { phases: LookupPhase[]; companionDirectMs: number[]; kamailioLookupLines: number };

export interface LookupOptions {
  virtualNumber: string;
  extension: string;
  agentEmail: string;
  rate: number;
  seconds: number;
  holdMs: number;
  directRequests: number;
  log: (line: string) => void;
}

/**
 * One sipp UAS registered as the agent's extension answers every call at once; one sipp UAC places `rate`
 * calls/s for `seconds` to the virtual number (each costs Kamailio one companion lookup), then the same to
 * the extension directly (no lookup), so the lookup's cost shows as the difference. Every process started
 * here is stopped here, by PID.
 */
export async function lookupBench(stack: ProductStack, opts: LookupOptions): Promise<LookupBench> {
  const runDir = stack.runDir;
  const sipPort = Number(/listen=udp:127\.0\.0\.1:(\d+)/.exec(readFileSync(join(runDir, 'kamailio.cfg'), 'utf8'))![1]);
  const secret = stackSecret(stack);
  const feed = await availableOnFeed(stack.url, opts.agentEmail);
  const procs: ProcessHandle[] = [];
  try {
    await kamcmd(runDir, 'ul.rm', 'location', `s:${opts.extension}`);
    const agentPort = await freeUdpPort();
    const registered = await runSipp({
      runDir,
      name: `bench-register-${opts.extension}`,
      scenario: 'register',
      remotePort: sipPort,
      localPort: agentPort,
      keys: { sb_ext: opts.extension, sb_domain: '127.0.0.1' },
      auth: mintEphemeralCredentials(secret, opts.extension, 3600, Date.now()),
    });
    if (registered !== 0) throw new Error(`sipp could not register ${opts.extension} (exit ${registered})`);

    const agentLog = join(runDir, 'bench-lookup-agent.events.log');
    writeFileSync(agentLog, '');
    const agent = spawnProcess({
      name: 'bench-lookup-agent',
      command: 'sipp',
      args: [
        '-sf',
        join(scenarioDir, 'lookup-agent.xml'),
        '-i',
        '127.0.0.1',
        '-mi',
        '127.0.0.1',
        '-mp',
        String(await freeUdpPort()),
        '-p',
        String(agentPort),
        '-t',
        'u1',
        '-m',
        String(2 * Math.round(opts.rate * opts.seconds)),
        '-nostdin',
        '-trace_logs',
        '-log_file',
        agentLog,
        '-trace_err',
        '-error_file',
        join(runDir, 'bench-lookup-agent.errors.log'),
        '-key',
        'sb_rtp_port',
        '9',
      ],
      runDir,
    });
    procs.push(agent);
    await sleep(300);
    if (!agent.isRunning()) throw new Error(`the sipp agent did not start:\n${agent.logTail()}`);

    const phases: LookupPhase[] = [];
    const calls = Math.round(opts.rate * opts.seconds);
    let kamailioLookupLines = 0;
    const pending: {
      kind: LookupPhase['kind'];
      target: string;
      code: number;
      callerLog: string;
      lookups: Map<string, number[]>;
    }[] = [];
    for (const [kind, target] of [
      ['virtual-number', opts.virtualNumber],
      ['extension', opts.extension],
    ] as const) {
      opts.log(`  ${calls} calls at ${opts.rate}/s to ${kind} ${target} ...`);
      const name = `bench-lookup-caller-${kind}`;
      const xml = readFileSync(join(scenarioDir, 'lookup-caller.xml'), 'utf8').replaceAll(
        '{{HOLD_MS}}',
        String(opts.holdMs),
      );
      const scenario = join(runDir, `${name}.xml`);
      writeFileSync(scenario, xml);
      const callerLog = join(runDir, `${name}.events.log`);
      writeFileSync(callerLog, '');
      const kamailioFrom = statSync(stack.sip.kamailio.logPath).size;
      const caller = spawnProcess({
        name,
        command: 'sipp',
        args: [
          `127.0.0.1:${sipPort}`,
          '-sf',
          scenario,
          '-i',
          PHONE_NETWORK_HOST,
          '-mi',
          '127.0.0.1',
          '-mp',
          String(await freeUdpPort()),
          '-p',
          String(await freeUdpPort()),
          '-t',
          'u1',
          '-r',
          String(opts.rate),
          '-rp',
          '1000',
          '-m',
          String(calls),
          '-l',
          '1000',
          '-nostdin',
          '-timeout',
          String(opts.seconds + 60),
          '-timeout_error',
          '-trace_logs',
          '-log_file',
          callerLog,
          '-trace_err',
          '-error_file',
          join(runDir, `${name}.errors.log`),
          '-key',
          'sb_to',
          target,
          '-key',
          'sb_from',
          '+447700900500',
          '-key',
          'sb_rtp_port',
          '9',
        ],
        runDir,
      });
      procs.push(caller);
      const { code } = await caller.exited;
      if (code !== 0) {
        const errorLog = join(runDir, `${name}.errors.log`);
        const errors = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').split('\n').slice(0, 12).join('\n') : '';
        opts.log(`  sipp (${kind}) exited ${code}:\n${caller.logTail(12)}\n${errors}`);
      }
      await sleep(500); // Kamailio writes its last lines
      const lookups = new Map<string, number[]>();
      for (const m of logSince(stack.sip.kamailio.logPath, kamailioFrom).matchAll(
        /route lookup (\S+) attempt (\d+): HTTP (\d+) in (\d+) us/g,
      )) {
        kamailioLookupLines++;
        const list = lookups.get(m[1]!) ?? [];
        list.push(Number(m[4]), Number(m[3]));
        lookups.set(m[1]!, list);
      }
      pending.push({ kind, target, code: code ?? -1, callerLog, lookups });
      await sleep(1000);
    }
    // The agent exits by itself after answering every call; its log is complete then.
    await Promise.race([agent.exited, sleep(5000)]);
    if (agent.isRunning()) await agent.stop(1000);
    const atAgent = new Map(
      sippEvents(agentLog)
        .filter((e) => e.name === 'invite')
        .map((e) => [e.args[0]!, e.at]),
    );
    for (const p of pending) {
      const events = sippEvents(p.callerLog);
      const answered = new Map(events.filter((e) => e.name === 'answered').map((e) => [e.args[0]!, e.at]));
      const results = events
        .filter((e) => e.name === 'invite')
        .map((e): LookupCall => {
          const id = e.args[0]!;
          const l = p.lookups.get(id);
          return {
            callId: id,
            sent: e.at,
            atAgent: atAgent.get(id),
            answered: answered.get(id),
            lookupUs: l?.[0],
            lookupHttp: l?.[1],
            lookups: (l?.length ?? 0) / 2,
          };
        });
      phases.push({ target: p.target, kind: p.kind, rate: opts.rate, calls, sippExit: p.code, results });
    }

    // The companion's own share: the same GET Kamailio makes, timed from this process (keep-alive fetch).
    const token = hookToken(secret);
    const companionDirectMs: number[] = [];
    for (let i = 0; i < opts.directRequests; i++) {
      const callId = `bench-direct-${i}-${Date.now()}`;
      const q = new URLSearchParams({ callId, from: '+447700900501', to: opts.virtualNumber, attempt: '0' });
      const headers = { [HOOK_TOKEN_HEADER]: token };
      const t0 = performance.now();
      const res = await fetch(`${stack.hookUrl}/internal/sip/route?${q}`, { headers });
      const body = await res.text();
      const t1 = performance.now();
      if (res.status !== 200 || !body.includes('"ring"'))
        throw new Error(`direct route lookup: HTTP ${res.status} ${body}`);
      companionDirectMs.push(t1 - t0);
      // Close the call the way Kamailio would when the caller gives up, so it does not stay "ringing".
      await (
        await fetch(`${stack.hookUrl}/internal/sip/event?${new URLSearchParams({ callId, event: 'cancelled' })}`, {
          headers,
        })
      ).text();
    }
    return { phases, companionDirectMs, kamailioLookupLines };
  } finally {
    for (const p of procs.reverse()) await p.stop(1000);
    feed.disconnect();
    await kamcmd(runDir, 'ul.rm', 'location', `s:${opts.extension}`);
  }
}

// ----- 2. INVITE reaching Kamailio -> the call card (with its reason) painted in the agent's browser -----

export type CardMarks = {
  wsInvite?: number;
  feedOffer?: number;
  storeRinging?: number;
  offerStored?: number;
  cardDom?: number;
  cardRaf?: number;
  cardAfterPaint?: number;
  reason?: string;
};
export type CardCall = {
  callId: string;
  runnerStart: number;
  invited: number;
  ringing?: number;
  finalCode?: number;
  clockSkew: number;
  page: CardMarks;
};

declare global {
  interface Window {
    __inbound: { marks(id: string): CardMarks; liveCalls(): number; cardsShown(): number; clockSkew(): number };
  }
}

export async function installInboundProbes(page: Page): Promise<void> {
  await page.addScriptTag({ path: join(import.meta.dirname, 'page-inbound.js') });
}

/** Waits until the page shows no live call and no card, then a short settle. */
async function pageIdle(page: Page): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [live, cards] = await page.evaluate(() => [window.__inbound.liveCalls(), window.__inbound.cardsShown()]);
    if (live === 0 && cards === 0) return sleep(300);
    await sleep(25);
  }
  throw new Error('the agent page still shows a call');
}

/**
 * One phone-network call (sipp, scripts/sipp caller-cancel scenario) to the agent's virtual number; the
 * caller CANCELs `cancelAfterMs` after the first 180, well after the card has appeared.
 */
export async function cardOnce(
  page: Page,
  opts: { runDir: string; number: string; from: string; sipPort: number; cancelAfterMs: number; name: string },
): Promise<CardCall> {
  await pageIdle(page);
  const runnerStart = Date.now();
  const { result } = await startCaller({
    runDir: opts.runDir,
    number: opts.number,
    from: opts.from,
    kamailioPort: opts.sipPort,
    cancelAfterMs: opts.cancelAfterMs,
    name: opts.name,
  });
  const r = await result;
  if (!r.callId || r.invitedAt === undefined)
    throw new Error(`${opts.name}: the caller logged no INVITE (exit ${r.exitCode})`);
  if (r.finalCode !== 487)
    throw new Error(`${opts.name}: expected 487 after the caller's CANCEL, got ${r.finalCode} (exit ${r.exitCode})`);
  const [marks, clockSkew] = await page.evaluate(
    (id) => [window.__inbound.marks(id), window.__inbound.clockSkew()] as const,
    r.callId,
  );
  await pageIdle(page);
  return {
    callId: r.callId,
    runnerStart,
    invited: r.invitedAt,
    ringing: r.ringingAt,
    finalCode: r.finalCode,
    clockSkew,
    page: marks,
  };
}
