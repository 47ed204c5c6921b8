// Inbound-call figures of `npm run bench`: the routing lookup inside Kamailio under a steady call rate, and
// a phone-network INVITE reaching Kamailio -> the call card with its reason painted in the agent's browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { writeToneWav } from '../support/tone-wav';
import { cardOnce, installInboundProbes, lookupBench, type CardCall, type LookupBench } from './inbound-runs';
import { percentile, summarize, table, type Summary } from './stats';

const BOOKINGS = '+442071234569'; // 'Viewings & bookings': rings Carol (ext 1003) only
const CAROL = { email: 'carol@acme.test', extension: '1003' };
const RATE = Number(process.env.BENCH_LOOKUP_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_LOOKUP_SECONDS ?? 30);
const CARD_CALLS = Number(process.env.BENCH_CARD_CALLS ?? 25);
const WARMUP = 2;

export const INBOUND_DEFINITIONS = {
  lookupLoad:
    `A sipp UAC places ${RATE} calls/s for ${SECONDS} s to ${BOOKINGS} ('Viewings & bookings', rings Carol only); Carol's phone is a sipp UAS ` +
    'registered as 1003 that answers every INVITE at once with 200; the caller ACKs and hangs up 200 ms later. Carol is "available" through ' +
    'a Node feed connection reporting a registered idle phone. Then the same number of calls at the same rate straight to extension 1003.',
  kamailioLookup:
    'Kamailio\'s own figure: route[VNUM_ASK] logs "route lookup <Call-ID> attempt 0: HTTP 200 in <us> us", $TV(sn)/$TV(un) taken just ' +
    'before and after http_client_query(GET /internal/sip/route, token header) in the async worker (libcurl to the hook listener + the companion).',
  proxyGap:
    "Wire-side gap through Kamailio: t0 = sipp caller's gettimeofday just before it sends the INVITE, t1 = sipp agent's gettimeofday as it " +
    'receives the relayed INVITE (one machine, one clock, loopback). For the virtual number it includes 100 Trying, the hand-off to an async ' +
    'worker, the lookup, location lookup and rtpengine_offer (such calls are anchored in rtpengine); for the extension only lookup("location") + relay.',
  companionDirect:
    'The same GET /internal/sip/route (attempt 0, fresh Call-ID, hook token) issued from the bench process with fetch over a kept-alive ' +
    "connection, sequentially, after the load: the companion's handling plus Node client overhead. Each such call is then closed with event=cancelled.",
  card:
    `Carol signed in and registered in Chromium (agent-browser.ts). A sipp caller (scripts/sipp caller-cancel scenario) calls ${BOOKINGS} and ` +
    'CANCELs 1500 ms after the first 180. t0 = the caller\'s INVITE send time (sipp gettimeofday just before the send, "EVENT invite"); ' +
    'loopback makes that the moment it reaches Kamailio to within tens of microseconds. Page marks are performance.timeOrigin + performance.now(): ' +
    'wsInvite = INVITE frame arrives on the SIP WebSocket; storeRinging = phone store first shows the inbound call ringing; feedOffer = ' +
    'the socket.io "call:offered" frame arrives; cardDom = MutationObserver sees [data-testid="route-reason"] with text; cardPainted = the ' +
    'requestAnimationFrame callback after that (the frame that paints it); cardAfterPaint = a task queued from that callback (after the paint). ' +
    `First ${WARMUP} calls discarded.`,
  runnerUpperBound:
    "t0' = Date.now() in the bench process just before it spawns sipp for the call: an upper bound that includes sipp's start-up.",
  clockSkew:
    'Date.now() at a millisecond tick minus performance.timeOrigin + performance.now() in the page, per call; shown so the cross-clock comparison can be judged.',
};

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');
const defined = (xs: (number | undefined)[]) => xs.filter((v): v is number => v !== undefined && Number.isFinite(v));
const sub = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);

/** A table with p99 as well (the load figures have hundreds of samples). */
function tableP99(rows: { name: string; values: number[] }[]): string {
  const head = ['metric', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'min ms', 'max ms', 'mean ms'];
  const body = rows.map(({ name, values }) => {
    const s = summarize(values);
    const p99 = percentile(values, 99);
    return [name, String(s.n), ms(s.p50), ms(s.p95), ms(p99), ms(s.min), ms(s.max), ms(s.mean)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const p99Of = (values: number[]) => percentile(values, 99);

export async function runInboundBench(
  stack: ProductStack,
  opts: { root: string; toneDir: string; sipPort: number },
): Promise<void> {
  console.log(
    `\ninbound: routing lookup under load (${RATE} calls/s for ${SECONDS} s, then the same straight to an extension) ...`,
  );
  const lookup = await lookupBench(stack, {
    virtualNumber: BOOKINGS,
    extension: CAROL.extension,
    agentEmail: CAROL.email,
    rate: RATE,
    seconds: SECONDS,
    holdMs: 200,
    directRequests: 200,
    log: (l) => console.log(l),
  });

  console.log(`inbound: ${WARMUP + CARD_CALLS} calls to ${BOOKINGS} with Carol in Chromium ...`);
  const cards: CardCall[] = [];
  let agent: Agent | undefined;
  try {
    writeToneWav(join(opts.toneDir, 'carol.wav'), 900);
    agent = await launchAgent({ micWav: join(opts.toneDir, 'carol.wav') });
    await signInAndRegister(agent.page, stack.url, CAROL.email);
    await installInboundProbes(agent.page);
    for (let i = 0; i < WARMUP + CARD_CALLS; i++) {
      const c = await cardOnce(agent.page, {
        runDir: stack.runDir,
        number: BOOKINGS,
        from: '+447700900600',
        sipPort: opts.sipPort,
        cancelAfterMs: 1500,
        name: `bench-card-${i}`,
      });
      if (i >= WARMUP) cards.push(c);
      process.stdout.write(i < WARMUP ? 'w' : '.');
    }
    process.stdout.write('\n');
  } finally {
    await agent?.close();
  }
  report(lookup, cards, opts.root);
}

function report(lookup: LookupBench, cards: CardCall[], root: string) {
  const [vn, ext] = [
    lookup.phases.find((p) => p.kind === 'virtual-number')!,
    lookup.phases.find((p) => p.kind === 'extension')!,
  ];
  const rows = {
    kamailioLookup: defined(vn.results.map((r) => (r.lookupUs === undefined ? undefined : r.lookupUs / 1000))),
    gapVirtualNumber: defined(vn.results.map((r) => sub(r.sent, r.atAgent))),
    gapExtension: defined(ext.results.map((r) => sub(r.sent, r.atAgent))),
    inviteToOkVirtualNumber: defined(vn.results.map((r) => sub(r.sent, r.answered))),
    inviteToOkExtension: defined(ext.results.map((r) => sub(r.sent, r.answered))),
    companionDirect: lookup.companionDirectMs,
    cardPainted: defined(cards.map((c) => sub(c.invited, c.page.cardRaf))),
    cardDom: defined(cards.map((c) => sub(c.invited, c.page.cardDom))),
    cardAfterPaint: defined(cards.map((c) => sub(c.invited, c.page.cardAfterPaint))),
    wsInvite: defined(cards.map((c) => sub(c.invited, c.page.wsInvite))),
    storeRinging: defined(cards.map((c) => sub(c.invited, c.page.storeRinging))),
    feedOffer: defined(cards.map((c) => sub(c.invited, c.page.feedOffer))),
    offerStored: defined(cards.map((c) => sub(c.invited, c.page.offerStored))),
    storeToCard: defined(cards.map((c) => sub(c.page.storeRinging, c.page.cardRaf))),
    runnerToCard: defined(cards.map((c) => sub(c.runnerStart, c.page.cardRaf))),
    clockSkew: cards.map((c) => c.clockSkew),
  };

  console.log('\nInbound definitions:');
  for (const [k, v] of Object.entries(INBOUND_DEFINITIONS)) console.log(`  ${k}: ${v}`);
  const failedVn = vn.results.filter((r) => r.answered === undefined).length;
  const failedExt = ext.results.filter((r) => r.answered === undefined).length;
  console.log(
    `\nRouting lookup under load: ${vn.results.length} calls to ${vn.target} (sipp exit ${vn.sippExit}, ${failedVn} unanswered), ` +
      `${ext.results.length} to extension ${ext.target} (sipp exit ${ext.sippExit}, ${failedExt} unanswered); ` +
      `${lookup.kamailioLookupLines} lookup lines in Kamailio's log`,
  );
  console.log(
    tableP99([
      { name: 'Kamailio: http_connect to the companion (its log)', values: rows.kamailioLookup },
      { name: 'INVITE in -> out of Kamailio, virtual number', values: rows.gapVirtualNumber },
      { name: 'INVITE in -> out of Kamailio, extension (no lookup)', values: rows.gapExtension },
      { name: 'caller INVITE -> 200, virtual number', values: rows.inviteToOkVirtualNumber },
      { name: 'caller INVITE -> 200, extension', values: rows.inviteToOkExtension },
      { name: 'companion GET /internal/sip/route from Node', values: rows.companionDirect },
    ]),
  );
  const g = { vn: summarize(rows.gapVirtualNumber), ext: summarize(rows.gapExtension) };
  const gapP99 = { vn: p99Of(rows.gapVirtualNumber), ext: p99Of(rows.gapExtension) };
  console.log(
    `virtual number vs extension, INVITE through Kamailio: p50 +${(g.vn.p50 - g.ext.p50).toFixed(2)} ms (${(g.vn.p50 / g.ext.p50).toFixed(1)}x), ` +
      `p99 +${(gapP99.vn - gapP99.ext).toFixed(2)} ms (${(gapP99.vn / gapP99.ext).toFixed(1)}x)`,
  );

  console.log(`\nINVITE reaching Kamailio -> call card in Carol's browser (${cards.length} calls)`);
  console.log(
    table([
      { name: 'INVITE sent -> route reason painted (rAF)', values: rows.cardPainted },
      { name: '  INVITE sent -> route reason in DOM', values: rows.cardDom },
      { name: '  INVITE sent -> task after that frame', values: rows.cardAfterPaint },
      { name: '  INVITE sent -> INVITE on the SIP WebSocket', values: rows.wsInvite },
      { name: '  INVITE sent -> phone store ringing', values: rows.storeRinging },
      { name: '  INVITE sent -> call:offered on the feed', values: rows.feedOffer },
      { name: '  INVITE sent -> offer in the offers store', values: rows.offerStored },
      { name: '  phone store ringing -> reason painted', values: rows.storeToCard },
      { name: 'runner spawns sipp -> reason painted (bound)', values: rows.runnerToCard },
      { name: 'page clock skew (Date.now - page clock)', values: rows.clockSkew },
    ]),
  );
  const reasons = [...new Set(cards.map((c) => c.page.reason))];
  console.log(`route reasons shown: ${reasons.map((r) => JSON.stringify(r)).join(', ')}`);

  const dir = join(root, '.run/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `inbound-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const summaries: Record<string, Summary & { p99: number }> = Object.fromEntries(
    Object.entries(rows).map(([k, v]) => [k, { ...summarize(v), p99: p99Of(v) }]),
  );
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), definitions: INBOUND_DEFINITIONS, summaries, raw: { lookup, cards } },
      null,
      2,
    ),
  );
  console.log(`raw numbers: ${file}`);

  const problems: string[] = [];
  if (vn.sippExit !== 0 || failedVn > 0)
    problems.push(`virtual-number load: sipp exit ${vn.sippExit}, ${failedVn} calls unanswered`);
  if (ext.sippExit !== 0 || failedExt > 0)
    problems.push(`extension load: sipp exit ${ext.sippExit}, ${failedExt} calls unanswered`);
  if (rows.kamailioLookup.length < vn.results.length)
    problems.push(`Kamailio logged a lookup for only ${rows.kamailioLookup.length} of ${vn.results.length} calls`);
  if (vn.results.some((r) => r.lookupHttp !== undefined && r.lookupHttp !== 200))
    problems.push('a route lookup did not answer HTTP 200');
  if (rows.gapVirtualNumber.length < vn.results.length || rows.gapExtension.length < ext.results.length)
    problems.push('the agent did not log every INVITE');
  if (rows.cardPainted.length < Math.min(20, CARD_CALLS) || rows.cardPainted.length < cards.length)
    problems.push(`the route reason was painted for only ${rows.cardPainted.length} of ${cards.length} calls`);
  if (problems.length) throw new Error(`inbound bench: ${problems.join('; ')}`);
}
