import type { SipCredentials } from '../../common/auth';
import { MIN_RENEW_MS, RENEW_BEFORE_MS, RETRY_MS, renewalDelay, startPhoneSession } from './phone-session';

/** A hand-moved clock with its own timer queue. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimer: (t: unknown) => void timers.delete(t as number),
    pending: () => [...timers.values()].map((t) => t.at - now),
    async advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at > now) continue;
        timers.delete(id);
        t.fn();
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const creds = (expiresAt: number): SipCredentials => ({ expiresAt }) as SipCredentials;
const flush = () => new Promise((r) => setTimeout(r, 0));

function session(fetchCredentials: () => Promise<SipCredentials>) {
  const clock = manualClock();
  const phone = { start: vi.fn(), updateCredentials: vi.fn(), stop: vi.fn() };
  const feed = { start: vi.fn(), stop: vi.fn() };
  const stop = startPhoneSession({ phone, feed, fetchCredentials, ...clock });
  return { clock, phone, feed, stop };
}

test('renews at half the lifetime, or five minutes before expiry if that is sooner, never sooner than 10 s', () => {
  expect(renewalDelay(creds(3_600_000), 0)).toBe(1_800_000);
  expect(renewalDelay(creds(360_000), 0)).toBe(360_000 - RENEW_BEFORE_MS);
  expect(renewalDelay(creds(1_000), 0)).toBe(MIN_RENEW_MS);
});

test('starts the phone with the first credentials and hands it the renewed ones', async () => {
  const fetch = vi.fn().mockResolvedValueOnce(creds(3_600_000)).mockResolvedValueOnce(creds(7_200_000));
  const { clock, phone, feed } = session(fetch);
  await flush();
  expect(feed.start).toHaveBeenCalledOnce();
  expect(phone.start).toHaveBeenCalledWith(creds(3_600_000));
  expect(clock.pending()).toEqual([1_800_000]);
  await clock.advance(1_800_000);
  expect(phone.updateCredentials).toHaveBeenCalledWith(creds(7_200_000));
  expect(phone.start).toHaveBeenCalledOnce();
});

test('a failed fetch (companion down) is retried until it works', async () => {
  const fetch = vi
    .fn()
    .mockRejectedValueOnce(new Error('down'))
    .mockRejectedValueOnce(new Error('down'))
    .mockResolvedValue(creds(3_600_000));
  const { clock, phone } = session(fetch);
  await flush();
  expect(clock.pending()).toEqual([RETRY_MS]);
  await clock.advance(RETRY_MS);
  expect(phone.start).not.toHaveBeenCalled();
  await clock.advance(RETRY_MS);
  expect(phone.start).toHaveBeenCalledOnce();
});

test('stopping ends the phone and the feed, cancels the renewal, and a late answer starts nothing', async () => {
  let answer!: (c: SipCredentials) => void;
  const { clock, phone, feed, stop } = session(() => new Promise((r) => (answer = r)));
  stop();
  answer(creds(3_600_000));
  await flush();
  expect(phone.stop).toHaveBeenCalledOnce();
  expect(feed.stop).toHaveBeenCalledOnce();
  expect(phone.start).not.toHaveBeenCalled();
  expect(clock.pending()).toEqual([]);
});
