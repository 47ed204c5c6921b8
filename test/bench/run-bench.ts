// Latency bench (not part of the test suite): register time, click-to-first-audio between two agents, and a
// bare-WebRTC baseline in the same two browsers; then inbound calls (inbound-bench.ts): the routing lookup
// inside Kamailio under a steady call rate, and a phone-network INVITE -> the call card painted in the agent's
// browser; then outbound calls (outbound-bench.ts): click -> INVITE at the gateway against click -> INVITE at
// the callee; claim races; the supervisor board at 1,000 and 5,000 agents (board-bench.ts). Run with `npm run bench`
// after `npx vite build`; first the initial JavaScript against the libraries' floor (bundle-bench.ts); last the
// page heap over many calls and the companion's memory over many routed calls (memory-bench.ts).
// BENCH_PARTS=bundle|calls|inbound|routing|outbound|claims|board|memory runs one part.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { E2E_AUTH_SECRET, E2E_PORTS, startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';
import { runBoardBench } from './board-bench';
import { runBundleBench } from './bundle-bench';
import { runClaimsBench } from './claims-bench';
import { runInboundBench } from './inbound-bench';
import { runMemoryBench } from './memory-bench';
import { runRoutingBench } from './routing-bench';
import { OUTBOUND_GATEWAY, runOutboundBench } from './outbound-bench';
import {
  baselineOnce,
  callOnce,
  installProbes,
  registerOnce,
  type BaselineMarks,
  type CallMarks,
  type RegisterMarks,
} from './bench-runs';
import { summarize, table } from './stats';

const REGISTRATIONS_PER_AGENT = Number(process.env.BENCH_REGISTRATIONS ?? 15);
const CALLS = Number(process.env.BENCH_CALLS ?? 25);
const WARMUP = 2;
const ALICE = { email: 'alice@acme.test', extension: '1001', hz: 700 };
const BOB = { email: 'bob@acme.test', extension: '1002', hz: 1300 };
const root = resolve(import.meta.dirname, '../..');
/** Which parts run: "all" (default), "bundle" (initial JS size), "calls" (register, agent-to-agent calls, baseline),
 * "inbound", "routing", "outbound", "claims", "board" or "memory". */
const PARTS = process.env.BENCH_PARTS ?? 'all';

const DEFINITIONS = {
  register:
    'phone.stop() is awaited and fresh credentials fetched from /api/sip/credentials (both untimed); then t0 = just before phone.start(credentials), ' +
    't1 = the phone store first shows registration "registered". Covers the WebSocket connect, REGISTER, 401 challenge, REGISTER with auth, 200 OK.',
  call:
    'Alice (tone 700 Hz) calls Bob (tone 1300 Hz) with window.switchboard.phone.call("1002") invoked inside the page (not a UI click). ' +
    'Bob answers from a page-side subscription to phone.store the moment it shows a ringing inbound call. ' +
    't0 = just before phone.call; t1 = first poll (every 2 ms) where the AnalyserNode on phone.getRemoteStream(id) shows RMS > 0.01 over a ' +
    '1024-sample window AND its loudest bin within 50 Hz of 1300 Hz.',
  baseline:
    "Bare RTCPeerConnection pair in the same two pages, no SIP: t0 = just before getUserMedia + createOffer in Alice's page; full ICE gathering " +
    '(capped at 500 ms, as the phone does) before each SDP is relayed through this Node process via Playwright; Bob answers after his own ' +
    "getUserMedia; t1 = first moment Alice hears Bob's 1300 Hz tone, detected exactly as for calls.",
  clocks:
    'Marks are performance.timeOrigin + performance.now() in each page; cross-page phases compare the two Chromium processes on one clock.',
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  if (!existsSync(join(root, 'dist/index.html'))) fail('dist/ is missing: run `npx vite build --logLevel warn` first.');
  if (PARTS === 'all' || PARTS === 'bundle') await runBundleBench(root);
  if (PARTS === 'bundle') return;
  const toneDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-tones-'));
  console.log('starting the product stack (rtpengine, Kamailio, companion) ...');
  const stack = await startE2eStack({}, { PSTN_GATEWAY: `${OUTBOUND_GATEWAY.host}:${OUTBOUND_GATEWAY.port}` });
  console.log(
    `  rtpengine pid ${stack.sip.rtpengine.pid}, Kamailio pid ${stack.sip.kamailio.pid}, companion pid ${stack.companion.pid}`,
  );
  try {
    if (PARTS === 'all' || PARTS === 'calls') await callsBench(stack.url);
    if (PARTS === 'all' || PARTS === 'inbound') await runInboundBench(stack, { root, toneDir, sipPort: E2E_PORTS.sip });
    if (PARTS === 'all' || PARTS === 'routing') await runRoutingBench(stack, { root });
    if (PARTS === 'all' || PARTS === 'outbound') await runOutboundBench(stack, { root, toneDir });
    if (PARTS === 'all' || PARTS === 'claims') await runClaimsBench(stack, { authSecret: E2E_AUTH_SECRET });
    if (PARTS === 'all' || PARTS === 'board') {
      writeToneWav(join(toneDir, 'board.wav'), 440);
      await runBoardBench(stack, {
        authSecret: E2E_AUTH_SECRET,
        hookPort: E2E_PORTS.hook,
        micWav: join(toneDir, 'board.wav'),
      });
    }
    if (PARTS === 'all' || PARTS === 'memory') await runMemoryBench(stack, { toneDir });
  } finally {
    await stack.stop();
    rmSync(toneDir, { recursive: true, force: true });
  }
}

/** Register time, agent-to-agent click-to-first-audio and the bare WebRTC baseline (Alice and Bob). */
async function callsBench(url: string) {
  const toneDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-tones-'));
  writeToneWav(join(toneDir, 'alice.wav'), ALICE.hz);
  writeToneWav(join(toneDir, 'bob.wav'), BOB.hz);
  const agents: Agent[] = [];
  try {
    const [alice, bob] = await Promise.all([
      launchAgent({ micWav: join(toneDir, 'alice.wav') }),
      launchAgent({ micWav: join(toneDir, 'bob.wav') }),
    ]);
    agents.push(alice!, bob!);
    const chromium = alice!.browser.version();
    await Promise.all([signInAndRegister(alice!.page, url, ALICE.email), signInAndRegister(bob!.page, url, BOB.email)]);
    await Promise.all([installProbes(alice!.page, import.meta.dirname), installProbes(bob!.page, import.meta.dirname)]);
    console.log(`signed in and registered (Chromium ${chromium}); measuring ...`);

    const registrations: (RegisterMarks & { agent: string })[] = [];
    for (let i = 0; i < REGISTRATIONS_PER_AGENT; i++) {
      for (const [name, agent] of [
        ['alice', alice!],
        ['bob', bob!],
      ] as const)
        registrations.push({ agent: name, ...(await registerOnce(agent.page)) });
    }

    const calls: CallMarks[] = [];
    const baselines: BaselineMarks[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      // Interleaved so drift on the machine hits both alike; the first WARMUP of each are discarded.
      const call = await callOnce(alice!.page, bob!.page, BOB.extension, BOB.hz);
      const base = await baselineOnce(alice!.page, bob!.page, BOB.hz);
      if (i >= WARMUP) {
        calls.push(call);
        baselines.push(base);
      }
      process.stdout.write(i < WARMUP ? 'w' : '.');
    }
    process.stdout.write('\n');
    report(chromium, registrations, calls, baselines);
  } finally {
    await Promise.allSettled(agents.map((a) => a.close()));
    rmSync(toneDir, { recursive: true, force: true });
  }
}

const diff = <T>(items: T[], f: (x: T) => number | undefined) =>
  items.map(f).filter((v): v is number => v !== undefined && Number.isFinite(v));

function report(chromium: string, regs: RegisterMarks[], calls: CallMarks[], bases: BaselineMarks[]) {
  const c = (f: (m: CallMarks['caller'], e: CallMarks['callee']) => number | undefined) =>
    diff(calls, (m) => f(m.caller, m.callee));
  const sub = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
  const rows = {
    register: diff(regs, (r) => r.registered - r.start),
    registerConnect: diff(regs, (r) => sub(r.start, r.firstRegister)),
    registerExchange: diff(regs, (r) => sub(r.firstRegister, r.registered)),
    call: c((m) => m.heard - m.start),
    callToInvite: c((m) => sub(m.start, m.invite)),
    inviteToRinging: c((m, e) => sub(m.invite, e.ringing)),
    ringingToAnswer: c((_, e) => sub(e.ringing, e.answer)),
    answerToOk: c((_, e) => sub(e.answer, e.ok)),
    answerToActive: c((m, e) => sub(e.answer, m.active)),
    answerToAudio: c((m, e) => sub(e.answer, m.heard)),
    baseline: diff(bases, (b) => b.heard - b.start),
    baseOffer: diff(bases, (b) => b.offerGathered - b.start),
    baseAnswer: diff(bases, (b) => b.answerGathered - b.offerGathered),
    baseApplyToAudio: diff(bases, (b) => b.heard - b.answerApplied),
  };
  console.log('\nDefinitions:');
  for (const [k, v] of Object.entries(DEFINITIONS)) console.log(`  ${k}: ${v}`);
  console.log('');
  console.log(
    table([
      { name: 'register: phone.start -> registered', values: rows.register },
      { name: '  start -> first REGISTER sent (WS connect)', values: rows.registerConnect },
      { name: '  first REGISTER -> registered (401 + auth)', values: rows.registerExchange },
      { name: 'call: phone.call -> caller hears callee tone', values: rows.call },
      { name: '  phone.call -> INVITE sent (gUM, offer, ICE)', values: rows.callToInvite },
      { name: '  INVITE sent -> ringing in callee store', values: rows.inviteToRinging },
      { name: '  ringing -> phone.answer (same store callback)', values: rows.ringingToAnswer },
      { name: '  answer -> 200 OK sent by callee', values: rows.answerToOk },
      { name: '  answer -> caller store active', values: rows.answerToActive },
      { name: '  answer -> caller hears tone', values: rows.answerToAudio },
      { name: 'baseline: start -> offerer hears answerer', values: rows.baseline },
      { name: '  start -> offer gathered (gUM, offer, ICE)', values: rows.baseOffer },
      { name: '  offer -> answer gathered (relay, gUM, ICE)', values: rows.baseAnswer },
      { name: '  answer applied -> offerer hears tone', values: rows.baseApplyToAudio },
    ]),
  );
  const ours = summarize(rows.call);
  const base = summarize(rows.baseline);
  console.log(
    `\nratio call/baseline: p50 ${(ours.p50 / base.p50).toFixed(2)}x, p95 ${(ours.p95 / base.p95).toFixed(2)}x`,
  );
  console.log(
    `overhead of the SIP path: p50 +${(ours.p50 - base.p50).toFixed(1)} ms, p95 +${(ours.p95 - base.p95).toFixed(1)} ms`,
  );

  const dir = join(root, '.run/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const summaries = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, summarize(v)]));
  const ratio = { p50: ours.p50 / base.p50, p95: ours.p95 / base.p95 };
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        chromium,
        definitions: DEFINITIONS,
        summaries,
        ratio,
        raw: { registrations: regs, calls, baselines: bases },
      },
      null,
      2,
    ),
  );
  console.log(`raw numbers: ${file}`);
  if (rows.register.length < 20 || rows.call.length < 20 || rows.baseline.length < 20)
    throw new Error('fewer than 20 samples in a figure');
}

main().catch((err: unknown) =>
  fail(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
);
