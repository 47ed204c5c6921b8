import type { RouteDecision } from '../../common/domain/route-decision';
import { planFromDecision, tailRings } from './call-plan';

const staff = (staffId: string) => ({ kind: 'staff' as const, staffId, reason: 'r' });
const decision = (
  steps: RouteDecision['steps'],
  onNoAnswer: RouteDecision['onNoAnswer'] = { kind: 'missed', reason: 'm' },
): RouteDecision => ({
  kind: 'ring',
  steps,
  onNoAnswer,
  skipped: [],
  logContactIds: [],
  notifyStaffIds: [],
  summary: '',
  nextRotation: {},
});

test.each([
  {
    why: 'a simultaneous step rings everyone at once',
    steps: [{ targets: [staff('a'), staff('b')], mode: 'simultaneous' as const, ringTimeoutSeconds: 20 }],
    rings: [[['a', 'b'], 20]],
  },
  {
    why: 'a sequential step rings one after the other, each for the step timeout',
    steps: [{ targets: [staff('a'), staff('b')], mode: 'sequential' as const, ringTimeoutSeconds: 15 }],
    rings: [
      [['a'], 15],
      [['b'], 15],
    ],
  },
  {
    why: 'steps keep their order',
    steps: [
      { targets: [staff('a')], mode: 'simultaneous' as const, ringTimeoutSeconds: 10 },
      { targets: [staff('b'), staff('c')], mode: 'sequential' as const, ringTimeoutSeconds: 30 },
    ],
    rings: [
      [['a'], 10],
      [['b'], 30],
      [['c'], 30],
    ],
  },
])('$why', ({ steps, rings }) => {
  const plan = planFromDecision(decision(steps));
  expect(
    plan.rings.map((r) => [
      r.targets.map((t) => (t.kind === 'staff' ? t.staffId : t.kind === 'external' ? t.number : t.boxId)),
      r.timeoutSeconds,
    ]),
  ).toEqual(rings);
});

test.each([
  {
    why: 'the fail-safe number rings once',
    outcome: { kind: 'external' as const, number: '+15550100', reason: 'fail-safe' },
    rings: ['+15550100'],
  },
  { why: 'voicemail answers in the box', outcome: { kind: 'voicemail' as const, reason: 'v' }, rings: ['vm:box-1'] },
  {
    why: 'voicemail, then the fail-safe if the service cannot answer',
    outcome: { kind: 'voicemail' as const, reason: 'v', failSafeNumber: '+15550100' },
    rings: ['vm:box-1', '+15550100'],
  },
  { why: 'a missed call rings nobody more', outcome: { kind: 'missed' as const, reason: 'm' }, rings: [] },
])('after the last ring: $why', ({ outcome, rings }) => {
  const tail = tailRings(outcome, 'box-1').map((r) => r.targets[0]!);
  expect(
    tail.map((t) => (t.kind === 'voicemail' ? `vm:${t.boxId}` : t.kind === 'external' ? t.number : t.staffId)),
  ).toEqual(rings);
});
