import { backoffDelay, createReconnector } from './reconnect';
import { manualTimers } from './test-support/fake-user-agent';

test.each([
  [0, 500],
  [1, 1000],
  [2, 2000],
  [3, 4000],
  [4, 8000],
  [5, 10_000],
  [12, 10_000],
])('attempt %i waits %i ms', (attempt, ms) => {
  expect(backoffDelay(attempt)).toBe(ms);
});

test('retries with growing delays until an attempt succeeds; reset starts over', async () => {
  const timers = manualTimers();
  let failures = 2;
  const attempt = vi.fn(async () => {
    if (failures-- > 0) throw new Error('unreachable');
  });
  const reconnector = createReconnector({ timers, attempt });
  reconnector.schedule();
  expect(timers.pending()).toEqual([500]);
  await timers.advance(500);
  expect(timers.pending()).toEqual([1000]);
  await timers.advance(1000);
  expect(timers.pending()).toEqual([2000]);
  await timers.advance(2000);
  expect(attempt).toHaveBeenCalledTimes(3);
  expect(timers.pending()).toEqual([]);
  reconnector.reset();
  expect(reconnector.nextDelayMs).toBe(500);
});

test('cancel stops further attempts', async () => {
  const timers = manualTimers();
  const attempt = vi.fn(async () => undefined);
  const reconnector = createReconnector({ timers, attempt });
  reconnector.schedule();
  reconnector.cancel();
  await timers.advance(10_000);
  expect(attempt).not.toHaveBeenCalled();
});
