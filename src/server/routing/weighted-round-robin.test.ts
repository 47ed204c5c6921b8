import type { RotationState } from '../../common/domain/route-decision';
import { decideRoute } from './decide-route';
import { plan, presence, routeInput, standardNumber, staffDest } from './route-test-kit';
import { pickWeighted } from './weighted-round-robin';

function picks(weights: number[], count: number): number[] {
  let current: number[] | undefined;
  return Array.from({ length: count }, () => {
    const { index, next } = pickWeighted(weights, current);
    current = next;
    return index;
  });
}

test.each([
  { weights: [5, 1, 1], expected: [0, 0, 1, 0, 2, 0, 0] },
  { weights: [50, 50], expected: [0, 1, 0, 1] },
  { weights: [100], expected: [0, 0, 0] },
])('smooth weighted round robin $weights spreads picks: $expected', ({ weights, expected }) => {
  expect(picks(weights, expected.length)).toEqual(expected);
});

test('a state of the wrong length (destinations changed) starts afresh', () => {
  expect(pickWeighted([70, 30], [5, 5, 5]).index).toBe(0);
});

function percentageNumber(weights: number[]) {
  const ids = ['ana', 'ben', 'cy', 'dee'];
  return standardNumber({
    rule: {
      kind: 'percentage',
      destinations: weights.map((weight, index) => ({ destination: staffDest(ids[index]!), weight })),
    },
  });
}

function split(weights: number[], calls: number, away: Partial<Record<string, string>> = {}): Record<string, number> {
  const number = percentageNumber(weights);
  let rotation: RotationState | undefined;
  const counts: Record<string, number> = {};
  for (let call = 0; call < calls; call += 1) {
    const decision = decideRoute(routeInput(number, { rotation, presence: presence(away) }));
    const first = plan(decision)[0]!;
    counts[first] = (counts[first] ?? 0) + 1;
    rotation = decision.nextRotation;
  }
  return counts;
}

test.each([
  { weights: [70, 30], expected: { 'ana/20': 700, 'ben/20': 300 } },
  { weights: [50, 25, 25], expected: { 'ana/20': 500, 'ben/20': 250, 'cy/20': 250 } },
  { weights: [33, 33, 33, 1], expected: { 'ana/20': 330, 'ben/20': 330, 'cy/20': 330, 'dee/20': 10 } },
])('1,000 calls with weights $weights split exactly', ({ weights, expected }) => {
  expect(split(weights, 1000)).toEqual(expected);
});

test('percentage routing rings one destination only', () => {
  expect(plan(decideRoute(routeInput(percentageNumber([60, 40]))))).toEqual(['ana/20', '→ missed']);
});

test('when the picked destination is unavailable, the next by weight rings (the others keep their own picks)', () => {
  // 10 calls at 60/10/30: Ana's 6 picks go to Cy (next by weight), Ben keeps his 1, Cy her 3.
  expect(split([60, 10, 30], 10, { ana: 'offline' })).toEqual({ 'cy/20': 9, 'ben/20': 1 });
});
