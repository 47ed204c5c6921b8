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
/** The agent's setting in Audio devices (features/calls/device-settings.tsx), on in both pages or off in both. */
const PREWARM_LABEL = /Keep the microphone ready/;

const DEFINITIONS = {
  register:
    'phone.stop() is awaited and fresh credentials fetched from /api/sip/credentials (both untimed); then t0 = just before phone.start(credentials), ' +
    't1 = the phone store first shows registration "registered". Covers the WebSocket connect, REGISTER, 401 challenge, REGISTER with auth, 200 OK.',
  call:
    'Alice (tone 700 Hz) calls Bob (tone 1300 Hz) with window.switchboard.phone.call("1002") invoked inside the page (not a UI click). ' +
    'Bob answers from a page-side subscription to phone.store the moment it shows a ringing inbound call. ' +
    't0 = just before phone.call; "far end hears us" t1 = first poll (every 2 ms) where an AnalyserNode on Bob\'s ' +
    'phone.getRemoteStream(id) shows RMS > 0.01 over a 1024-sample window AND its loudest bin within 50 Hz of 700 Hz; "we hear them" ' +
    "t1 = the same on Alice's side for 1300 Hz.",
  prewarm:
    'Each round makes three calls: pre-warm OFF (both agents untick "Keep the microphone ready" in Audio devices: no kept microphone, no ' +
    "ready connection), pre-warm ON (ticked; untimed, the bench waits until Alice's phone reports a ready connection before t0), then the " +
    'bare pair. Host-only end of ICE gathering is on in both OFF and ON (it is not a setting).',
  baseline:
    "Bare RTCPeerConnection pair in the same two pages, no SIP: t0 = just before getUserMedia + createOffer in Alice's page; full ICE gathering " +
    '(capped at 500 ms, as the phone does) before each SDP is relayed through this Node process via Playwright; Bob answers after his own ' +
    "getUserMedia; t1 = first moment Alice hears Bob's 1300 Hz tone (and Bob Alice's 700 Hz), detected exactly as for calls.",
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
    await Promise.all([
      installProbes(alice!.page, import.meta.dirname, BOB.hz),
      installProbes(bob!.page, import.meta.dirname, ALICE.hz),
    ]);
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
    const coldCalls: CallMarks[] = [];
    const baselines: BaselineMarks[] = [];
    const prewarm = (on: boolean) =>
      Promise.all([alice!, bob!].map((a) => a.page.getByLabel(PREWARM_LABEL).setChecked(on)));
    for (let i = 0; i < WARMUP + CALLS; i++) {
      // Interleaved so drift on the machine hits all three alike; the first WARMUP of each are discarded.
      await prewarm(false);
      const cold = await callOnce(alice!.page, bob!.page, BOB.extension, BOB.hz, false);
      await prewarm(true);
      const call = await callOnce(alice!.page, bob!.page, BOB.extension, BOB.hz, true);
      const base = await baselineOnce(alice!.page, bob!.page, BOB.hz, ALICE.hz);
      if (i >= WARMUP) {
        calls.push(call);
        coldCalls.push(cold);
        baselines.push(base);
      }
      process.stdout.write(i < WARMUP ? 'w' : '.');
    }
    process.stdout.write('\n');
    report(chromium, registrations, calls, coldCalls, baselines);
  } finally {
    await Promise.allSettled(agents.map((a) => a.close()));
    rmSync(toneDir, { recursive: true, force: true });
  }
}

const diff = <T>(items: T[], f: (x: T) => number | undefined) =>
  items.map(f).filter((v): v is number => v !== undefined && Number.isFinite(v));

function report(
  chromium: string,
  regs: RegisterMarks[],
  calls: CallMarks[],
  cold: CallMarks[],
  bases: BaselineMarks[],
) {
  const sub = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
  const of = (list: CallMarks[]) => (f: (m: CallMarks['caller'], e: CallMarks['callee']) => number | undefined) =>
    diff(list, (m) => f(m.caller, m.callee));
  const c = of(calls);
  const k = of(cold);
  const rows = {
    register: diff(regs, (r) => r.registered - r.start),
    registerConnect: diff(regs, (r) => sub(r.start, r.firstRegister)),
    registerExchange: diff(regs, (r) => sub(r.firstRegister, r.registered)),
    farEnd: c((m, e) => sub(m.start, e.heard)),
    farEndCold: k((m, e) => sub(m.start, e.heard)),
    call: c((m) => m.heard - m.start),
    callCold: k((m) => m.heard - m.start),
    callToInvite: c((m) => sub(m.start, m.invite)),
    callToInviteCold: k((m) => sub(m.start, m.invite)),
    inviteToRinging: c((m, e) => sub(m.invite, e.ringing)),
    answerToOk: c((_, e) => sub(e.answer, e.ok)),
    answerToOkCold: k((_, e) => sub(e.answer, e.ok)),
    answerToActive: c((m, e) => sub(e.answer, m.active)),
    answerToAudio: c((m, e) => sub(e.answer, m.heard)),
    baseFarEnd: diff(bases, (b) => b.answererHeard - b.start),
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
      { name: 'far end hears us, pre-warm ON: phone.call -> callee hears caller', values: rows.farEnd },
      { name: 'far end hears us, pre-warm OFF', values: rows.farEndCold },
      { name: 'far end hears us, bare pair: start -> answerer hears offerer', values: rows.baseFarEnd },
      { name: 'we hear them, pre-warm ON: phone.call -> caller hears callee', values: rows.call },
      { name: 'we hear them, pre-warm OFF', values: rows.callCold },
      { name: 'we hear them, bare pair: start -> offerer hears answerer', values: rows.baseline },
      { name: '  ON:  phone.call -> INVITE sent (offer ready)', values: rows.callToInvite },
      { name: '  OFF: phone.call -> INVITE sent (gUM, offer, ICE)', values: rows.callToInviteCold },
      { name: '  ON:  INVITE sent -> ringing in callee store', values: rows.inviteToRinging },
      { name: '  ON:  answer -> 200 OK sent by callee (mic clone, ICE)', values: rows.answerToOk },
      { name: '  OFF: answer -> 200 OK sent by callee (gUM, ICE)', values: rows.answerToOkCold },
      { name: '  ON:  answer -> caller store active', values: rows.answerToActive },
      { name: '  ON:  answer -> caller hears tone', values: rows.answerToAudio },
      { name: '  bare: start -> offer gathered (gUM, offer, ICE)', values: rows.baseOffer },
      { name: '  bare: offer -> answer gathered (relay, gUM, ICE)', values: rows.baseAnswer },
      { name: '  bare: answer applied -> offerer hears tone', values: rows.baseApplyToAudio },
    ]),
  );
  const ratio = (name: string, ours: number[], bare: number[]) => {
    const o = summarize(ours);
    const b = summarize(bare);
    const sign = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
    console.log(
      `${name}: p50 ${(o.p50 / b.p50).toFixed(2)}x (${sign(o.p50 - b.p50)} ms), p95 ${(o.p95 / b.p95).toFixed(2)}x (${sign(o.p95 - b.p95)} ms)`,
    );
    return { p50: o.p50 / b.p50, p95: o.p95 / b.p95 };
  };
  console.log('');
  const ratios = {
    farEnd: ratio('far end hears us / bare pair, pre-warm ON ', rows.farEnd, rows.baseFarEnd),
    farEndCold: ratio('far end hears us / bare pair, pre-warm OFF', rows.farEndCold, rows.baseFarEnd),
    call: ratio('we hear them / bare pair, pre-warm ON ', rows.call, rows.baseline),
    callCold: ratio('we hear them / bare pair, pre-warm OFF', rows.callCold, rows.baseline),
  };

  const dir = join(root, '.run/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const summaries = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, summarize(v)]));
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        chromium,
        definitions: DEFINITIONS,
        summaries,
        ratios,
        raw: { registrations: regs, calls, coldCalls: cold, baselines: bases },
      },
      null,
      2,
    ),
  );
  console.log(`raw numbers: ${file}`);
  if (
    rows.register.length < 20 ||
    rows.farEnd.length < 20 ||
    rows.farEndCold.length < 20 ||
    rows.baseFarEnd.length < 20
  )
    throw new Error('fewer than 20 samples in a figure');
}

main().catch((err: unknown) =>
  fail(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
);
