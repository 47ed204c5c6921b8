/**
 * Slows down repeated failed sign-ins per email address: the first few failures are free, then each
 * further attempt must wait an exponentially growing time (capped). A success clears the record.
 */
export type LoginThrottle = {
  /** Milliseconds the caller must still wait before another attempt, 0 when allowed. */
  waitMs(key: string, now: number): number;
  fail(key: string, now: number): void;
  succeed(key: string): void;
};

export function createLoginThrottle(opts = { freeFailures: 3, baseMs: 1000, maxMs: 60_000, forgetMs: 15 * 60_000 }): LoginThrottle {
  const records = new Map<string, { failures: number; last: number; blockedUntil: number }>();
  return {
    waitMs(key, now) {
      const r = records.get(key);
      if (!r) return 0;
      if (now - r.last > opts.forgetMs) {
        records.delete(key);
        return 0;
      }
      return Math.max(0, r.blockedUntil - now);
    },
    fail(key, now) {
      const r = records.get(key) ?? { failures: 0, last: now, blockedUntil: 0 };
      r.failures += 1;
      r.last = now;
      const over = r.failures - opts.freeFailures;
      r.blockedUntil = over > 0 ? now + Math.min(opts.maxMs, opts.baseMs * 2 ** (over - 1)) : 0;
      records.set(key, r);
    },
    succeed(key) {
      records.delete(key);
    },
  };
}
