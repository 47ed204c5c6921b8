/**
 * Smooth weighted round robin (as in nginx): every pick adds each weight to its running value,
 * takes the largest (first on ties) and subtracts the total from it. Over `total` picks each index is
 * chosen exactly `weight` times, spread out rather than in runs.
 */
export function pickWeighted(weights: number[], current: number[] | undefined): { index: number; next: number[] } {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const running = current && current.length === weights.length ? current : weights.map(() => 0);
  const next = running.map((value, index) => value + (weights[index] ?? 0));
  let best = 0;
  next.forEach((value, index) => {
    if (value > (next[best] ?? -Infinity)) best = index;
  });
  next[best] = (next[best] ?? 0) - total;
  return { index: best, next };
}
