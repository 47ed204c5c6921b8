import { createLoginThrottle } from './login-throttle';

describe('login throttle', () => {
  const opts = { freeFailures: 3, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 };

  test.each([
    { failures: 1, wait: 0 },
    { failures: 3, wait: 0 },
    { failures: 4, wait: 1000 },
    { failures: 5, wait: 2000 },
    { failures: 6, wait: 4000 },
    { failures: 9, wait: 8000 },
  ])('after $failures failures the next attempt waits $wait ms', ({ failures, wait }) => {
    const t = createLoginThrottle(opts);
    for (let i = 0; i < failures; i++) t.fail('a@x', 1000);
    expect(t.waitMs('a@x', 1000)).toBe(wait);
    expect(t.waitMs('b@x', 1000)).toBe(0);
  });

  test('a success clears the record and old failures are forgotten', () => {
    const t = createLoginThrottle(opts);
    for (let i = 0; i < 5; i++) t.fail('a@x', 0);
    t.succeed('a@x');
    expect(t.waitMs('a@x', 0)).toBe(0);
    for (let i = 0; i < 5; i++) t.fail('c@x', 0);
    expect(t.waitMs('c@x', 61_001)).toBe(0);
  });
});
