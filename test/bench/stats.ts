/** Percentile by linear interpolation between closest ranks (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export type Summary = { n: number; p50: number; p95: number; min: number; max: number; mean: number };

export function summarize(values: number[]): Summary {
  const n = values.length;
  return {
    n,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: n ? Math.min(...values) : Number.NaN,
    max: n ? Math.max(...values) : Number.NaN,
    mean: n ? values.reduce((a, b) => a + b, 0) / n : Number.NaN,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');

/** A plain text table: one row per metric, times in ms. */
export function table(rows: { name: string; values: number[] }[]): string {
  const head = ['metric', 'n', 'p50 ms', 'p95 ms', 'min ms', 'max ms'];
  const body = rows.map(({ name, values }) => {
    const s = summarize(values);
    return [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.min), ms(s.max)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
