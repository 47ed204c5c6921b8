import type { Binding } from '../../common/domain/binding';
import { decideRoute } from './decide-route';
import { alternative, binding, plan, presence, reasons, routeInput, standardNumber, staffDest } from './route-test-kit';

const NOW = Date.parse('2025-06-04T10:00:00Z');
const DAY = 86_400_000;
const on = (fallbackToDestinations: boolean, bindingDays = 7) => ({
  enabled: true,
  bindingDays,
  fallbackToDestinations,
});

function numberWith(settings: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return standardNumber({ ...alternative(staffDest('ana')), ...settings }, extra);
}

test.each<{
  rule: string;
  settings: Record<string, unknown>;
  bindings: Binding[];
  away?: Record<string, string>;
  expected: string[];
}>([
  {
    rule: 'sticky: bound agent rings first, then the destinations (fallback on)',
    settings: { sticky: on(true) },
    bindings: [binding('sticky', 'ben', NOW - 3 * DAY, 7)],
    expected: ['ben/20', 'ana/20', '→ missed'],
  },
  {
    rule: 'sticky: fallback off → only the bound agent, then no-answer handling',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - 3 * DAY, 7)],
    expected: ['ben/20', '→ missed'],
  },
  {
    rule: 'sticky: bound agent unavailable, fallback on → the normal destinations',
    settings: { sticky: on(true) },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    away: { ben: 'on-call' },
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'sticky: bound agent unavailable, fallback off → straight to no-answer handling',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    away: { ben: 'offline' },
    expected: ['→ missed'],
  },
  {
    rule: 'sticky: bound agent unavailable, fallback off, voicemail on → voicemail',
    settings: { sticky: on(false), voicemail: { enabled: true, greeting: 'g', autoDelete: 'weekly' } },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    away: { ben: 'dnd' },
    expected: ['→ voicemail'],
  },
  {
    rule: 'expired binding is ignored',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - 8 * DAY, 7)],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'binding expiring exactly now is ignored',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - 7 * DAY, 7)],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'binding older than the (shortened) binding period is ignored',
    settings: { sticky: on(false, 2) },
    bindings: [binding('sticky', 'ben', NOW - 3 * DAY, 30)],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'sticky switched off → binding ignored',
    settings: {},
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'binding through another number is ignored',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7, { numberId: 'vn-2' })],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'binding of another caller is ignored',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7, { caller: '+442079461002' })],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'caller matched however the number is written',
    settings: { sticky: on(false) },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7, { caller: '+44 20 7946 1001' })],
    expected: ['ben/20', '→ missed'],
  },
  {
    rule: 'engagement: the customer’s call back rings the agent who called them',
    settings: { engagement: on(false) },
    bindings: [binding('engagement', 'cy', NOW - DAY, 7)],
    expected: ['cy/20', '→ missed'],
  },
  {
    rule: 'engagement switched off → engagement binding ignored',
    settings: { sticky: on(false) },
    bindings: [binding('engagement', 'cy', NOW - DAY, 7)],
    expected: ['ana/20', '→ missed'],
  },
  {
    rule: 'sticky and engagement both live → the most recent interaction wins',
    settings: { sticky: on(false), engagement: on(false) },
    bindings: [binding('sticky', 'ben', NOW - 3 * DAY, 7), binding('engagement', 'cy', NOW - DAY, 7)],
    expected: ['cy/20', '→ missed'],
  },
  {
    rule: 'the bound agent rings for the timeout of the destination that holds them',
    settings: {
      sticky: on(true),
      rule: {
        kind: 'alternative',
        destinations: [
          { destination: staffDest('ana'), ringTimeoutSeconds: 15 },
          { destination: { kind: 'group', staffIds: ['ben', 'cy'], pattern: 'simultaneous' }, ringTimeoutSeconds: 40 },
        ],
      },
    },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    expected: ['ben/40', 'ana/15', 'cy/40', '→ missed'],
  },
  {
    rule: 'a bound agent outside every destination rings for the first destination’s timeout',
    settings: {
      sticky: on(false),
      rule: { kind: 'alternative', destinations: [{ destination: staffDest('ana'), ringTimeoutSeconds: 12 }] },
    },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    expected: ['ben/12', '→ missed'],
  },
  {
    rule: 'the bound agent is not rung twice when also a destination',
    settings: {
      sticky: on(true),
      rule: {
        kind: 'alternative',
        destinations: [{ destination: staffDest('ben') }, { destination: staffDest('ana') }],
      },
    },
    bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
    expected: ['ben/20', 'ana/20', '→ missed'],
  },
])('$rule', ({ settings, bindings, away = {}, expected }) => {
  const decision = decideRoute(
    routeInput(numberWith(settings), { bindings, presence: presence(away), now: new Date(NOW) }),
  );
  expect(plan(decision)).toEqual(expected);
});

test('engagement bindings are ignored on a toll-free number', () => {
  const number = { ...numberWith({ engagement: on(false) }), type: 'toll-free' as const };
  expect(
    plan(
      decideRoute(routeInput(number, { bindings: [binding('engagement', 'cy', NOW - DAY, 7)], now: new Date(NOW) })),
    ),
  ).toEqual(['ana/20', '→ missed']);
});

test.each([
  { kind: 'sticky' as const, last: NOW - 3 * DAY, reason: 'sticky: last spoke to the caller 3 days ago' },
  { kind: 'sticky' as const, last: NOW - DAY - 1, reason: 'sticky: last spoke to the caller yesterday' },
  { kind: 'sticky' as const, last: NOW - 60_000, reason: 'sticky: last spoke to the caller today' },
  {
    kind: 'engagement' as const,
    last: Date.parse('2025-05-30T15:00:00Z'),
    reason: 'engagement: called them on 30 May, bound until 6 Jun',
  },
])('the call card says "$reason"', ({ kind, last, reason }) => {
  const number = numberWith({ sticky: on(false), engagement: on(false) });
  const decision = decideRoute(routeInput(number, { bindings: [binding(kind, 'ben', last, 7)], now: new Date(NOW) }));
  expect(reasons(decision)).toEqual([reason]);
  expect(decision.steps[0]?.targets[0]).toMatchObject({ staffId: 'ben' });
});

test('the summary says why the bound agent was passed over', () => {
  const number = numberWith({ sticky: on(false) });
  const decision = decideRoute(
    routeInput(number, {
      bindings: [binding('sticky', 'ben', NOW - DAY, 7)],
      presence: presence({ ben: 'away' }),
      now: new Date(NOW),
    }),
  );
  expect(decision.summary).toBe(
    'Sticky routing: Ben is unavailable and fallback is off. Nobody to ring. Goes to: missed call. Skipped: Ben is away.',
  );
  expect(decision.steps).toEqual([]);
});
