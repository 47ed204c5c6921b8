// Memory figures of `npm run bench`: the agent's page heap (after a forced GC) every 100 calls, as caller and as
// callee, over CALLS short calls between two agents; then the companion's resident memory and heap after GC every
// 100 calls routed to a virtual number (sipp as the phone network and as the agent's phone), and again once the
// feed's recovery buffer has had time to drain.
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { writeToneWav } from '../support/tone-wav';
import { censusGrowth, heapAfterGc, heapCensus, type HeapCensus } from './heap-snapshot';
import { lookupBench } from './inbound-runs';
import { openNodeInspector } from './node-inspector';
import { rssMb } from './process-usage';

const CALLS = Number(process.env.BENCH_MEMORY_CALLS ?? 600);
const ROUTED = Number(process.env.BENCH_MEMORY_ROUTED ?? 1000);
const EVERY = 100;
const HOLD_MS = 150;
const GAP_MS = 200;
/** Longer than the phone's ended-call linger (5 s), so a checkpoint sees no call listed. */
const SETTLE_MS = 6000;
const SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS === '1';
/** With snapshots on, each is also written to this folder as <caller|callee|companion>-<point>.heapsnapshot. */
const SNAPSHOT_DIR = process.env.BENCH_HEAP_SNAPSHOT_DIR;
/** With snapshots on, the pages' are taken at these calls (the census compares the first and the last). */
const SNAPSHOT_AT = (process.env.BENCH_HEAP_SNAPSHOT_AT ?? `${EVERY},${CALLS}`).split(',').map(Number);
/**
 * After the routed calls, the companion's heap is read again with no call at all, at these seconds: the feed's
 * connection-state recovery keeps each packet 2 minutes and sweeps once a minute, so by 180 s every packet of the
 * routed calls has gone, and what stays is what the calls left behind for good. BENCH_MEMORY_DRAIN=0 skips it.
 */
const DRAIN_S = process.env.BENCH_MEMORY_DRAIN === '0' ? [] : [60, 120, 180, 210];
/**
 * Diagnostic only: V8 switches for both agents' pages, e.g. `--log-deopt --log-code --logfile=/tmp/v8.log` to see
 * which functions are optimised and deoptimised, call by call (the figures of such a run are not the product's).
 */
const JS_FLAGS = process.env.BENCH_MEMORY_JS_FLAGS;
const ALICE = { email: 'alice@acme.test', extension: '1001' };
const BOB = { email: 'bob@acme.test', extension: '1002' };
const BOOKINGS = '+442071234569'; // rings Carol (ext 1003) only
const CAROL = { email: 'carol@acme.test', extension: '1003' };

export const MEMORY_DEFINITIONS = {
  pageHeap:
    `Alice calls Bob ${CALLS} times (window.switchboard.phone.call in the page; Bob answers from a store subscription; ` +
    `Alice hangs up ${HOLD_MS} ms after the call is active, waits until it ended, then ${GAP_MS} ms; ` +
    `the loop runs inside the page, one evaluate per ${EVERY} calls). At call 0 and every ${EVERY} calls: wait until both ` +
    `phone stores list no call (the ${SETTLE_MS / 1000} s covers the ended-call linger), then through CDP ` +
    'HeapProfiler.collectGarbage twice and Runtime.getHeapUsage (usedSize), Memory.getDOMCounters for nodes/listeners.',
  companionRss:
    `${ROUTED} phone-network calls (sipp, 50 calls/s in runs of ${EVERY}) to ${BOOKINGS}, each a routing lookup and ` +
    "call events at the companion, answered by a sipp phone registered as Carol's extension; after each run (and its " +
    'matching run straight to the extension) and a 2 s settle, VmRSS of the companion process and its JS heap after ' +
    'two forced GCs (through its inspector). Node keeps freed memory for reuse, so RSS shows a trend, not a precise ' +
    `heap. The routed calls start ${DRAIN_S.at(-1) ?? 0} s after the page part (its feed packets swept); then, with no ` +
    `call, the same at ${DRAIN_S.join(', ')} s after the last routed call.`,
};

type Sample = { calls: number; usedBytes: number; nodes: number; listeners: number };
declare global {
  interface Window {
    __memory: {
      autoAnswer(): void;
      calls(target: string, count: number, holdMs: number, gapMs: number): Promise<void>;
      liveCalls(): number;
      listedCalls(): number;
    };
  }
}

/** Each page's own log file: `{role}` in the flags becomes caller or callee. */
const jsFlags = (role: string) => (JS_FLAGS ? [`--js-flags=${JS_FLAGS.replaceAll('{role}', role)}`] : []);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/** Waits until neither page lists a call (ended calls linger a few seconds). */
async function untilNoCallListed(pages: Page[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const counts = await Promise.all(pages.map((p) => p.evaluate(() => window.__memory.listedCalls())));
    if (counts.every((n) => n === 0)) return;
    await sleep(200);
  }
  throw new Error('ended calls stayed listed');
}

export async function runMemoryBench(stack: ProductStack, opts: { toneDir: string }): Promise<void> {
  console.log(`\nmemory: ${CALLS} calls Alice -> Bob, heap after GC every ${EVERY} calls ...`);
  writeToneWav(join(opts.toneDir, 'memory.wav'), 440);
  const agents: Agent[] = [];
  const samples: { caller: Sample[]; callee: Sample[] } = { caller: [], callee: [] };
  const census: { caller: HeapCensus[]; callee: HeapCensus[]; at: number[] } = { caller: [], callee: [], at: [] };
  try {
    const [alice, bob] = await Promise.all([
      launchAgent({ micWav: join(opts.toneDir, 'memory.wav'), extraArgs: jsFlags('caller') }),
      launchAgent({ micWav: join(opts.toneDir, 'memory.wav'), extraArgs: jsFlags('callee') }),
    ]);
    agents.push(alice!, bob!);
    await Promise.all([
      signInAndRegister(alice!.page, stack.url, ALICE.email),
      signInAndRegister(bob!.page, stack.url, BOB.email),
    ]);
    const pages = [alice!.page, bob!.page];
    for (const p of pages) await p.addScriptTag({ path: join(import.meta.dirname, 'page-memory.js') });
    await bob!.page.evaluate(() => window.__memory.autoAnswer());
    const cdp: CDPSession[] = await Promise.all(pages.map((p) => p.context().newCDPSession(p)));
    const sample = async (calls: number) => {
      await untilNoCallListed(pages);
      await sleep(500);
      const [a, b] = await Promise.all(cdp.map((c) => heapAfterGc(c)));
      samples.caller.push({ calls, ...a! });
      samples.callee.push({ calls, ...b! });
      if (SNAPSHOTS && SNAPSHOT_AT.includes(calls)) {
        const saveAs = (role: string) => SNAPSHOT_DIR && join(SNAPSHOT_DIR, `${role}-${calls}.heapsnapshot`);
        census.caller.push(await heapCensus(cdp[0]!, saveAs('caller')));
        census.callee.push(await heapCensus(cdp[1]!, saveAs('callee')));
        census.at.push(calls);
      }
    };
    await sample(0);
    for (let done = 0; done < CALLS; done += EVERY) {
      await alice!.page.evaluate(({ target, count, hold, gap }) => window.__memory.calls(target, count, hold, gap), {
        target: BOB.extension,
        count: EVERY,
        hold: HOLD_MS,
        gap: GAP_MS,
      });
      await sleep(SETTLE_MS);
      await sample(done + EVERY);
      process.stdout.write(` ${done + EVERY}`);
    }
    process.stdout.write('\n');
  } finally {
    await Promise.allSettled(agents.map((a) => a.close()));
  }
  reportPages(samples, census);
  if (ROUTED > 0) await companionRss(stack);
}

function reportPages(
  samples: { caller: Sample[]; callee: Sample[] },
  census: { caller: HeapCensus[]; callee: HeapCensus[]; at: number[] },
) {
  console.log('\nMemory definitions:');
  for (const [k, v] of Object.entries(MEMORY_DEFINITIONS)) console.log(`  ${k}: ${v}`);
  for (const role of ['caller', 'callee'] as const) {
    const list = samples[role];
    console.log(`\n${role} page (${role === 'caller' ? 'Alice' : 'Bob'}): JS heap after GC`);
    console.log('  calls   heap MB   vs prev KB   DOM nodes   listeners');
    list.forEach((s, i) => {
      const prev = list[i - 1];
      const delta = prev ? ((s.usedBytes - prev.usedBytes) / 1024).toFixed(0) : '-';
      console.log(
        `  ${String(s.calls).padStart(5)}  ${mb(s.usedBytes).padStart(8)}  ${delta.padStart(11)}  ${String(s.nodes).padStart(10)}  ${String(s.listeners).padStart(10)}`,
      );
    });
    const at100 = list.find((s) => s.calls === EVERY);
    const last = list[list.length - 1]!;
    if (at100 && last !== at100) {
      const grew = last.usedBytes - at100.usedBytes;
      const perCall = grew / (last.calls - at100.calls);
      console.log(
        `  call ${EVERY} -> ${last.calls}: ${grew >= 0 ? '+' : ''}${mb(grew)} MB (${(perCall / 1024).toFixed(2)} KB per call)`,
      );
    }
    const before = census[role][0];
    const after = census[role].at(-1);
    if (before && after && before !== after) {
      printGrowth(`  grew between the snapshots at call ${census.at[0]} and ${census.at.at(-1)}`, before, after);
    }
  }
}

function printGrowth(title: string, before: HeapCensus, after: HeapCensus) {
  console.log(`${title} (count, KB):`);
  for (const g of censusGrowth(before, after))
    console.log(
      `    ${g.key.slice(0, 70).padEnd(70)} ${String(g.count).padStart(7)} ${(g.bytes / 1024).toFixed(1).padStart(9)}`,
    );
}

async function companionRss(stack: ProductStack): Promise<void> {
  console.log(`\nmemory: companion RSS and heap over ${ROUTED} routed calls ...`);
  const pid = stack.companion.pid;
  const inspector = await openNodeInspector(pid);
  const rows: { calls: number; rss: number; heap: number }[] = [];
  const drained: { afterS: number; rss: number; heap: number }[] = [];
  const censuses: HeapCensus[] = [];
  const sample = async (calls: number) => {
    const heap = await inspector.heapAfterGc();
    rows.push({ calls, rss: rssMb(pid), heap });
    // With the drain, the census compares the drained heaps before and after the routed calls.
    if (SNAPSHOTS && (DRAIN_S.length ? calls === 0 : calls === EVERY || calls === ROUTED)) await census(`${calls}`);
  };
  const census = async (label: string) =>
    censuses.push(await inspector.census(SNAPSHOT_DIR && join(SNAPSHOT_DIR, `companion-${label}.heapsnapshot`)));
  const drainWait = DRAIN_S.length ? DRAIN_S[DRAIN_S.length - 1]! : 0;
  let afterPages: { rss: number; heap: number } | undefined;
  try {
    if (drainWait) {
      // The page part's own feed packets are still held: the routed calls start from a drained heap.
      afterPages = { rss: rssMb(pid), heap: await inspector.heapAfterGc() };
      await sleep(drainWait * 1000);
    }
    await sample(0);
    for (let done = 0; done < ROUTED; done += EVERY) {
      const run = await lookupBench(stack, {
        virtualNumber: BOOKINGS,
        extension: CAROL.extension,
        agentEmail: CAROL.email,
        rate: 50,
        seconds: EVERY / 50,
        holdMs: 100,
        directRequests: 0,
        log: () => undefined,
      });
      const vn = run.phases.find((p) => p.kind === 'virtual-number')!;
      const unanswered = vn.results.filter((r) => r.answered === undefined).length;
      if (vn.sippExit !== 0 || unanswered > 0)
        throw new Error(`routed calls: sipp exit ${vn.sippExit}, ${unanswered} unanswered`);
      await sleep(2000);
      await sample(done + EVERY);
      process.stdout.write('.');
    }
    const ended = Date.now();
    for (const at of DRAIN_S) {
      await sleep(Math.max(0, ended + at * 1000 - Date.now()));
      drained.push({ afterS: at, rss: rssMb(pid), heap: await inspector.heapAfterGc() });
      process.stdout.write('-');
    }
    if (SNAPSHOTS && DRAIN_S.length) await census('drained');
  } finally {
    inspector.close();
  }
  if (afterPages)
    console.log(
      `\n  right after the page part: RSS ${afterPages.rss.toFixed(1)} MB, heap after GC ${mb(afterPages.heap)} MB; ` +
        `${drainWait} s later (routed call 0): ${mb(rows[0]!.heap)} MB`,
    );
  console.log('\n  routed calls   RSS MB   heap after GC MB   vs prev KB');
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const delta = prev ? ((r.heap - prev.heap) / 1024).toFixed(0) : '-';
    console.log(
      `  ${String(r.calls).padStart(12)}  ${r.rss.toFixed(1).padStart(7)}  ${mb(r.heap).padStart(17)}  ${delta.padStart(10)}`,
    );
  });
  const first = rows.find((r) => r.calls === EVERY)!;
  const last = rows[rows.length - 1]!;
  console.log(
    `  routed call ${EVERY} -> ${last.calls}: RSS ${(last.rss - first.rss).toFixed(1)} MB, heap after GC ` +
      `${mb(last.heap - first.heap)} MB (${((last.heap - first.heap) / (last.calls - first.calls) / 1024).toFixed(2)} KB per call)`,
  );
  if (drained.length) {
    console.log('  no call since   RSS MB   heap after GC MB   vs call 0 KB');
    for (const d of drained)
      console.log(
        `  ${`${d.afterS} s`.padStart(13)}  ${d.rss.toFixed(1).padStart(7)}  ${mb(d.heap).padStart(17)}  ${((d.heap - rows[0]!.heap) / 1024).toFixed(0).padStart(12)}`,
      );
    const end = drained[drained.length - 1]!;
    console.log(
      `  ${end.afterS} s after routed call ${last.calls}: heap after GC ${mb(end.heap)} MB, ` +
        `${mb(end.heap - last.heap)} MB vs call ${last.calls}, ${mb(end.heap - rows[0]!.heap)} MB vs call 0`,
    );
  }
  const [before, after] = censuses;
  const between = DRAIN_S.length
    ? `routed call 0 and ${DRAIN_S.at(-1)} s after the last`
    : `routed call ${EVERY} and ${last.calls}`;
  if (before && after) printGrowth(`companion: grew between ${between}`, before, after);
}
