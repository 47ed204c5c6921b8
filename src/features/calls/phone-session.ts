import type { SipCredentials } from '../../common/auth';

/** Renew SIP credentials this long before they expire, so the agent never notices. */
export const RENEW_BEFORE_MS = 5 * 60_000;
/** Never renew sooner than this after a fetch, whatever the server's lifetime says. */
export const MIN_RENEW_MS = 10_000;
/** A failed credential fetch (companion down) is tried again after this long. */
export const RETRY_MS = 15_000;

type Timer = unknown;
export type PhoneSessionDeps = {
  phone: { start(c: SipCredentials): unknown; updateCredentials(c: SipCredentials): unknown; stop(): unknown };
  feed: { start(): void; stop(): void };
  fetchCredentials: () => Promise<SipCredentials>;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => Timer;
  clearTimer: (t: Timer) => void;
};

/** When to fetch fresh credentials: at half their lifetime, or five minutes before expiry if sooner. */
export function renewalDelay(c: SipCredentials, now: number): number {
  const lifetime = c.expiresAt - now;
  return Math.max(MIN_RENEW_MS, Math.min(lifetime - RENEW_BEFORE_MS, lifetime / 2));
}

/**
 * While the agent is signed in: the feed is open and the phone registered, with credentials renewed
 * before expiry; failed fetches retry by themselves. Returns the stop that ends it all.
 */
export function startPhoneSession(d: PhoneSessionDeps): () => void {
  let timer: Timer | undefined;
  let stopped = false;
  let started = false;
  async function load() {
    try {
      const c = await d.fetchCredentials();
      if (stopped) return;
      if (started) void d.phone.updateCredentials(c);
      else {
        started = true;
        void d.phone.start(c);
      }
      timer = d.setTimer(() => void load(), renewalDelay(c, d.now()));
    } catch {
      if (!stopped) timer = d.setTimer(() => void load(), RETRY_MS);
    }
  }
  d.feed.start();
  void load();
  return () => {
    stopped = true;
    if (timer !== undefined) d.clearTimer(timer);
    void d.phone.stop();
    d.feed.stop();
  };
}
