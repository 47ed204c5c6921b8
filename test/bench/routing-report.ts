// The routing bench's figures: one row per rate from a lookup run, the per-organisation table, and the large
// organisation against the small one as ratios of the decision's p50 and p99.
import type { LookupBench } from './inbound-runs';
import { percentile } from './stats';

export type RateRow = {
  rate: number;
  calls: number;
  unanswered: number;
  decision: number[];
  vn: number[];
  ext: number[];
};

const defined = (xs: (number | undefined)[]) => xs.filter((v): v is number => v !== undefined && Number.isFinite(v));
const sub = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
const f = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');
const times = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : '-');

export function rowOf(rate: number, bench: LookupBench): RateRow {
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

function textTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Per rate: calls, lost, decision, INVITE through Kamailio for the virtual number and for the extension. */
export function rateTable(rows: RateRow[]): string {
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
      times(vn50, ex50),
      times(vn99, ex99),
    ];
  });
  return textTable(head, body);
}

/** The decision on the large organisation against the small one, rate by rate. */
export function orgRatioTable(small: RateRow[], large: RateRow[]): string {
  const head = ['calls/s', 'small p50', 'large p50', 'large/small', 'small p99', 'large p99', 'large/small'];
  const body = small.flatMap((s) => {
    const l = large.find((r) => r.rate === s.rate);
    if (!l) return [];
    const [s50, l50, s99, l99] = [
      percentile(s.decision, 50),
      percentile(l.decision, 50),
      percentile(s.decision, 99),
      percentile(l.decision, 99),
    ];
    return [[String(s.rate), f(s50), f(l50), times(l50, s50), f(s99), f(l99), times(l99, s99)]];
  });
  return textTable(head, body);
}
