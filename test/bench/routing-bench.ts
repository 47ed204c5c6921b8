// Routing under load (`BENCH_PARTS=routing`, also part of "all"): the phone network calls a virtual number whose
// one destination (a sipp phone) answers at once, at 50, 100 and 200 calls/s, then the same rate straight to the
// agent's extension. Prints, per rate, p50/p99 of Kamailio's own routing
// decision time (the hook round trip) and of the INVITE's passage through Kamailio, virtual number against
// extension, as a ratio measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { lookupBench, type LookupBench } from './inbound-runs';
import { percentile } from './stats';

const BOOKINGS = '+442071234569'; // 'Viewings & bookings': rings Carol (ext 1003) only
const CAROL = { email: 'carol@acme.test', extension: '1003' };
const RATES = (process.env.BENCH_ROUTING_RATES ?? '50,100,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_ROUTING_SECONDS ?? 5);

export const ROUTING_DEFINITIONS = {
  load:
    `Per rate, a sipp UAC places <rate> calls/s for ${SECONDS} s to ${BOOKINGS} (rings Carol, ext ${CAROL.extension}, only), then the same ` +
    'number of calls at the same rate to the extension. Carol is a sipp UAS answering at once; callers hang up 200 ms after the 200.',
  decision:
    "Kamailio's own figure: microseconds around the routing hook call in route[VNUM_ASK] (HTTP to the companion, its decision, the answer).",
  passage:
    "sipp caller's clock just before it sends the INVITE -> sipp agent's clock as the relayed INVITE arrives (one machine, one clock). " +
    'For the virtual number: 100 Trying, async hand-off, decision, location lookup, rtpengine offer; for the extension: location lookup + relay.',
};

const defined = (xs: (number | undefined)[]) => xs.filter((v): v is number => v !== undefined && Number.isFinite(v));
const sub = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
const f = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');

type RateRow = { rate: number; calls: number; unanswered: number; decision: number[]; vn: number[]; ext: number[] };

function rowOf(rate: number, bench: LookupBench): RateRow {
  const vn = bench.phases.find((p) => p.kind === 'virtual-number')!;
  const ext = bench.phases.find((p) => p.kind === 'extension')!;
  return {
    rate,
    calls: vn.results.length + ext.results.length,
    unanswered: [...vn.results, ...ext.results].filter((r) => r.answered === undefined).length,
    decision: defined(vn.results.map((r) => (r.lookupUs === undefined ? undefined : r.lookupUs / 1000))),
    vn: defined(vn.results.map((r) => sub(r.sent, r.atAgent))),
    ext: defined(ext.results.map((r) => sub(r.sent, r.atAgent))),
  };
}

export async function runRoutingBench(stack: ProductStack, opts: { root: string }): Promise<RateRow[]> {
  const rows: RateRow[] = [];
  for (const rate of RATES) {
    console.log(
      `\nrouting under load: ${rate} calls/s for ${SECONDS} s to the virtual number, then to the extension ...`,
    );
    const bench = await lookupBench(stack, {
      virtualNumber: BOOKINGS,
      extension: CAROL.extension,
      agentEmail: CAROL.email,
      rate,
      seconds: SECONDS,
      holdMs: 200,
      directRequests: 0,
      log: (l) => console.log(l),
    });
    rows.push(rowOf(rate, bench));
  }
  console.log('\nRouting definitions:');
  for (const [k, v] of Object.entries(ROUTING_DEFINITIONS)) console.log(`  ${k}: ${v}`);
  const head = [
    'calls/s',
    'calls',
    'lost',
    'decision p50',
    'p99',
    'VN p50',
    'p99',
    'ext p50',
    'p99',
    'VN/ext p50',
    'p99',
  ];
  const body = rows.map((r) => {
    const [vn50, vn99, ex50, ex99] = [
      percentile(r.vn, 50),
      percentile(r.vn, 99),
      percentile(r.ext, 50),
      percentile(r.ext, 99),
    ];
    return [
      String(r.rate),
      String(r.calls),
      String(r.unanswered),
      f(percentile(r.decision, 50)),
      f(percentile(r.decision, 99)),
      f(vn50),
      f(vn99),
      f(ex50),
      f(ex99),
      `${(vn50 / ex50).toFixed(1)}x`,
      `${(vn99 / ex99).toFixed(1)}x`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(`\nRouting under load (ms; decision = Kamailio's hook round trip, VN/ext = INVITE through Kamailio)`);
  console.log([line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n'));
  const dir = join(opts.root, '.run/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `routing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), definitions: ROUTING_DEFINITIONS, rows }, null, 2),
  );
  console.log(`raw numbers: ${file}`);
  // Lost calls are a figure (the "lost" column), not a failure of the bench; no decision figure at all is.
  const blind = rows.filter((r) => r.decision.length === 0);
  if (blind.length)
    throw new Error(`routing bench: no decision figures at ${blind.map((r) => `${r.rate}/s`).join(', ')}`);
  return rows;
}
