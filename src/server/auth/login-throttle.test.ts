import { createLoginThrottle, type ThrottleLimits } from './login-throttle';

describe('login throttle', () => {
  const limits: ThrottleLimits = { freeFailures: 3, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 };
  const make = (maxRecords = 100) => createLoginThrottle({ limitsFor: () => limits, maxRecords });

  test.each([
    { failures: 1, wait: 0 },
    { failures: 3, wait: 0 },
    { failures: 4, wait: 1000 },
    { failures: 5, wait: 2000 },
    { failures: 6, wait: 4000 },
    { failures: 9, wait: 8000 },
  ])('after $failures failures the next attempt waits $wait ms', ({ failures, wait }) => {
    const t = make();
    for (let i = 0; i < failures; i++) {
      expect(t.reserve(['a@x'], 1000 + i * 10_000)).toBe(0);
    }
    const at = 1000 + (failures - 1) * 10_000;
    expect(t.reserve(['a@x'], at)).toBe(wait);
    expect(t.reserve(['b@x'], at)).toBe(0);
  });

  test('parallel attempts are counted before any of them is checked', () => {
    const t = make();
    const answers = Array.from({ length: 10 }, () => t.reserve(['a@x'], 0));
    expect(answers.filter((w) => w === 0)).toHaveLength(4);
    expect(answers.slice(4).every((w) => w > 0)).toBe(true);
  });

  test('a blocked key reserves nothing on the others', () => {
    const t = make();
    for (let i = 0; i < 4; i++) t.reserve(['a@x', 'src'], 0);
    expect(t.reserve(['a@x', 'src'], 0)).toBeGreaterThan(0);
    // src still has only 4 failures counted, so the next 0-wait attempt from another address is allowed.
    expect(t.reserve(['b@x'], 0)).toBe(0);
  });

  test('a success clears the address and refunds the shared keys; old failures are forgotten', () => {
    const t = make();
    for (let i = 0; i < 3; i++) t.reserve(['a@x', 'src'], 0);
    t.reserve(['a@x', 'src'], 0);
    t.succeed(['a@x', 'src'], ['a@x']);
    expect(t.reserve(['a@x'], 0)).toBe(0);
    for (let i = 0; i < 5; i++) t.reserve(['c@x'], 0);
    expect(t.reserve(['c@x'], 61_001)).toBe(0);
  });

  test('the store is bounded', () => {
    const t = make(50);
    for (let i = 0; i < 500; i++) t.reserve([`u${i}@x`], 0);
    expect(t.size()).toBe(50);
  });
});
