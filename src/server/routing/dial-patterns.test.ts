import type { RotationState } from '../../common/domain/route-decision';
import { decideRoute } from './decide-route';
import { alternative, plan, presence, reasons, routeInput, standardNumber } from './route-test-kit';

const group = (pattern: string, staffIds = ['ana', 'ben', 'cy']) =>
  standardNumber(alternative({ kind: 'group', pattern, staffIds }));

test.each([
  { pattern: 'simultaneous', away: {}, calls: {}, expected: ['ana+ben+cy/20', '→ missed'] },
  { pattern: 'simultaneous', away: { ben: 'on-call' }, calls: {}, expected: ['ana+cy/20', '→ missed'] },
  { pattern: 'sequential', away: {}, calls: {}, expected: ['ana>ben>cy/20', '→ missed'] },
  { pattern: 'sequential', away: { ana: 'away' }, calls: {}, expected: ['ben>cy/20', '→ missed'] },
  { pattern: 'least-connected', away: {}, calls: { ana: 2, ben: 0, cy: 1 }, expected: ['ben>cy>ana/20', '→ missed'] },
  {
    pattern: 'least-connected',
    away: { ben: 'wrap-up' },
    calls: { ana: 2, ben: 0, cy: 1 },
    expected: ['cy>ana/20', '→ missed'],
  },
  { pattern: 'least-connected', away: {}, calls: { ana: 1, ben: 1, cy: 1 }, expected: ['ana>ben>cy/20', '→ missed'] },
  { pattern: 'round-robin', away: {}, calls: {}, expected: ['ana>ben>cy/20', '→ missed'] },
])('$pattern group, unavailable $away, active calls $calls → $expected', ({ pattern, away, calls, expected }) => {
  const decision = decideRoute(
    routeInput(group(pattern), { presence: presence(away), connectedCalls: calls as Record<string, number> }),
  );
  expect(plan(decision)).toEqual(expected);
});

test('least-connected reasons show the call counts', () => {
  const decision = decideRoute(
    routeInput(group('least-connected', ['ana', 'ben']), { connectedCalls: new Map([['ana', 1]]) }),
  );
  expect(reasons(decision)).toEqual([
    'destination of the number, least connected (0 calls in 24 h)',
    'destination of the number, least connected (1 call in 24 h)',
  ]);
});

function rotate(calls: number, away: Partial<Record<string, string>> = {}): string[] {
  const number = group('round-robin');
  let rotation: RotationState | undefined;
  const firsts: string[] = [];
  for (let call = 0; call < calls; call += 1) {
    const decision = decideRoute(routeInput(number, { rotation, presence: presence(away) }));
    firsts.push(plan(decision)[0]!);
    rotation = decision.nextRotation;
  }
  return firsts;
}

test.each([
  {
    name: 'rotates the first agent tried, evenly',
    away: {},
    expected: ['ana>ben>cy/20', 'ben>cy>ana/20', 'cy>ana>ben/20', 'ana>ben>cy/20'],
  },
  {
    name: 'skips an unavailable member and keeps rotating',
    away: { ben: 'offline' },
    expected: ['ana>cy/20', 'cy>ana/20', 'ana>cy/20', 'cy>ana/20'],
  },
])('round robin $name', ({ away, expected }) => {
  expect(rotate(4, away)).toEqual(expected);
});

test('round robin rotation state is returned, the input state is not changed', () => {
  const rotation: RotationState = { roundRobin: { 'ana,ben,cy': 1 } };
  const decision = decideRoute(routeInput(group('round-robin'), { rotation }));
  expect(plan(decision)[0]).toBe('ben>cy>ana/20');
  expect(decision.nextRotation.roundRobin).toEqual({ 'ana,ben,cy': 2 });
  expect(rotation).toEqual({ roundRobin: { 'ana,ben,cy': 1 } });
});
