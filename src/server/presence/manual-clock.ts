import type { Timers } from './presence-service';

/** For unit tests: a clock moved by hand, with the alarms the service sets on it (due ones run on `advance`). */
export function manualClock(start: number) {
  let now = start;
  const alarms = new Map<number, { at: number; fn: () => void }>();
  let next = 0;
  const timers: Timers = {
    set: (fn, ms) => (alarms.set(++next, { at: now + ms, fn }), next),
    clear: (h) => void alarms.delete(h as number),
  };
  return {
    now: () => now,
    timers,
    pending: () => alarms.size,
    advance(ms: number) {
      now += ms;
      for (const [h, a] of [...alarms].sort((x, y) => x[1].at - y[1].at)) {
        if (a.at > now || !alarms.has(h)) continue;
        alarms.delete(h);
        a.fn();
      }
    },
  };
}
