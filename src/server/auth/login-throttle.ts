/**
 * Slows down failed sign-ins. Every attempt is reserved (counted as a failure) before the password is
 * hashed, so parallel attempts cannot slip past the limit; a success refunds it. Records are kept per key
 * (an email address, a source address, the whole companion), each with its own allowance, in a bounded
 * store: the least recently touched record is dropped when it is full, and old records are forgotten.
 */
export type ThrottleLimits = { freeFailures: number; baseMs: number; maxMs: number; forgetMs: number };

export type LoginThrottle = {
  /**
   * Reserves one attempt on every key, or none: answers the milliseconds to wait when any key is blocked
   * (nothing is reserved then), else 0 and each key counts one more failure until `succeed`.
   */
  reserve(keys: string[], now: number): number;
  /** The password was right: the reserved failure is refunded; a success clears the email's record. */
  succeed(keys: string[], clear: string[]): void;
  /** Number of records held (bounded). */
  size(): number;
};

type Record_ = { failures: number; last: number; blockedUntil: number };

export const DEFAULT_LIMITS: ThrottleLimits = { freeFailures: 3, baseMs: 1000, maxMs: 60_000, forgetMs: 15 * 60_000 };

export function createLoginThrottle(
  opts: { limitsFor?: (key: string) => ThrottleLimits; maxRecords?: number } = {},
): LoginThrottle {
  const limitsFor = opts.limitsFor ?? (() => DEFAULT_LIMITS);
  const maxRecords = opts.maxRecords ?? 10_000;
  const records = new Map<string, Record_>();

  const current = (key: string, now: number): Record_ | undefined => {
    const r = records.get(key);
    if (r && now - r.last > limitsFor(key).forgetMs) {
      records.delete(key);
      return undefined;
    }
    return r;
  };
  const touch = (key: string, r: Record_) => {
    records.delete(key);
    records.set(key, r);
    while (records.size > maxRecords) records.delete(records.keys().next().value as string);
  };

  return {
    reserve(keys, now) {
      const wait = Math.max(0, ...keys.map((k) => (current(k, now)?.blockedUntil ?? 0) - now));
      if (wait > 0) return wait;
      for (const key of keys) {
        const limits = limitsFor(key);
        const r = current(key, now) ?? { failures: 0, last: now, blockedUntil: 0 };
        r.failures += 1;
        r.last = now;
        const over = r.failures - limits.freeFailures;
        r.blockedUntil = over > 0 ? now + Math.min(limits.maxMs, limits.baseMs * 2 ** (over - 1)) : 0;
        touch(key, r);
      }
      return 0;
    },
    succeed(keys, clear) {
      for (const key of keys) {
        const r = records.get(key);
        if (!r) continue;
        if (clear.includes(key) || r.failures <= 1) records.delete(key);
        else {
          r.failures -= 1;
          const limits = limitsFor(key);
          const over = r.failures - limits.freeFailures;
          if (over <= 0) r.blockedUntil = 0;
        }
      }
    },
    size: () => records.size,
  };
}

/** The keys one sign-in counts against, and how generous each is. */
export const throttleKeys = {
  email: (email: string) => `email:${email}`,
  source: (address: string) => `source:${address}`,
  global: 'global',
};

/**
 * An address gets 3 free failures; a source (one office behind NAT may share it) 20; the whole companion
 * 200 within the window, so spraying one password across many addresses is slowed down too.
 */
export function signInLimits(key: string): ThrottleLimits {
  if (key.startsWith('source:')) return { ...DEFAULT_LIMITS, freeFailures: 20 };
  if (key === throttleKeys.global) return { ...DEFAULT_LIMITS, freeFailures: 200, maxMs: 10_000 };
  return DEFAULT_LIMITS;
}
