import { convertRule, moveItem, splitEvenly, weightsTotal } from './routing-draft';

test.each([
  { list: ['a', 'b', 'c'], from: 0, to: 2, expected: ['b', 'c', 'a'] },
  { list: ['a', 'b', 'c'], from: 2, to: 0, expected: ['c', 'a', 'b'] },
  { list: ['a', 'b', 'c'], from: 1, to: 1, expected: ['a', 'b', 'c'] },
  { list: ['a', 'b', 'c'], from: 0, to: -1, expected: ['a', 'b', 'c'] },
  { list: ['a', 'b', 'c'], from: 2, to: 9, expected: ['a', 'b', 'c'] },
  { list: ['a', 'b'], from: 5, to: 0, expected: ['a', 'b'] },
])('moveItem($list, $from → $to) = $expected', ({ list, from, to, expected }) => {
  expect(moveItem(list, from, to)).toEqual(expected);
});

test.each([
  { count: 1, expected: [100] },
  { count: 2, expected: [50, 50] },
  { count: 3, expected: [34, 33, 33] },
  { count: 0, expected: [] },
])('splitEvenly($count) = $expected and sums to 100', ({ count, expected }) => {
  expect(splitEvenly(count)).toEqual(expected);
  if (count) expect(weightsTotal(expected.map((weight) => ({ weight })))).toBe(100);
});

test('weightsTotal ignores fields left empty', () => {
  expect(weightsTotal([{ weight: 60 }, { weight: Number.NaN }, { weight: 30 }])).toBe(90);
});

test('switching rule kinds keeps the destinations', () => {
  const alice = { kind: 'staff' as const, staffId: 'alice' };
  const bob = { kind: 'staff' as const, staffId: 'bob' };
  const alternative = {
    kind: 'alternative' as const,
    destinations: [
      { destination: alice, ringTimeoutSeconds: 20 },
      { destination: bob, ringTimeoutSeconds: 30 },
    ],
  };
  const percentage = convertRule(alternative, 'percentage', []);
  expect(percentage).toEqual({
    kind: 'percentage',
    destinations: [
      { destination: alice, ringTimeoutSeconds: 20, weight: 50 },
      { destination: bob, ringTimeoutSeconds: 30, weight: 50 },
    ],
  });
  const time = convertRule(alternative, 'time', []);
  expect(time.kind === 'time' && [time.windows[0]?.destination, time.fallback.destination]).toEqual([alice, bob]);
  expect(convertRule(time, 'alternative', [])).toEqual({ kind: 'alternative', destinations: alternative.destinations });
});
