import { decideRoute } from './decide-route';
import { mainNumber, plan, presence, reasons, routeInput } from './route-test-kit';

const IN_HOURS = new Date('2025-06-04T10:00:00Z'); // Wed 11:00 London
const OUT_OF_HOURS = new Date('2025-06-04T18:00:00Z'); // Wed 19:00 London
const IN_HOURS_BY_ZONE = new Date('2025-06-04T16:30:00Z'); // Wed 17:30 London, 09:30 in Los Angeles

const reception = { kind: 'main-reception', staffId: 'cy', greeting: 'Acme Ltd, how can I help?' };
const settings = (patch: Record<string, unknown> = {}) => ({
  state: 'active',
  inHours: { huntGroup: { staffIds: ['ana', 'ben'], ringSeconds: 15 }, then: reception },
  outOfHours: { huntGroup: { staffIds: ['dee'], ringSeconds: 25 }, then: { kind: 'voicemail' } },
  ...patch,
});

test.each([
  {
    rule: 'reserved → refused',
    main: settings({ state: 'reserved' }),
    now: IN_HOURS,
    away: {},
    expected: ['refuse:reserved'],
  },
  {
    rule: 'in hours → hunt group together, then main reception',
    main: settings(),
    now: IN_HOURS,
    away: {},
    expected: ['ana+ben/15', 'cy/30', '→ missed'],
  },
  {
    rule: 'out of hours → its own hunt group, then voicemail',
    main: settings(),
    now: OUT_OF_HOURS,
    away: {},
    expected: ['dee/25', '→ voicemail'],
  },
  {
    rule: 'hunt group skips unavailable members',
    main: settings(),
    now: IN_HOURS,
    away: { ana: 'on-call' },
    expected: ['ben/15', 'cy/30', '→ missed'],
  },
  {
    rule: 'whole hunt group unavailable → straight to reception',
    main: settings(),
    now: IN_HOURS,
    away: { ana: 'away', ben: 'offline' },
    expected: ['cy/30', '→ missed'],
  },
  {
    rule: '"end" ends the call after the hunt group',
    main: settings({ outOfHours: { huntGroup: { staffIds: ['dee'] }, then: { kind: 'end' } } }),
    now: OUT_OF_HOURS,
    away: {},
    expected: ['dee/20', '→ missed'],
  },
  {
    rule: 'reception unavailable → missed after the hunt group',
    main: settings(),
    now: IN_HOURS,
    away: { cy: 'dnd' },
    expected: ['ana+ben/15', '→ missed'],
  },
])('$rule', ({ main, now, away, expected }) => {
  expect(plan(decideRoute(routeInput(mainNumber(main), { now, presence: presence(away) })))).toEqual(expected);
});

test('business hours are read in the organisation’s time zone', () => {
  const org = {
    businessHours: {
      timeZone: 'America/Los_Angeles',
      windows: [{ days: ['wed' as const], start: '09:00', end: '17:00' }],
    },
  };
  expect(plan(decideRoute(routeInput(mainNumber(settings()), { now: IN_HOURS_BY_ZONE }, org)))[0]).toBe('ana+ben/15');
  expect(plan(decideRoute(routeInput(mainNumber(settings()), { now: IN_HOURS }, org)))[0]).toBe('dee/25');
});

test('reception sees the greeting on the call card', () => {
  const decision = decideRoute(routeInput(mainNumber(settings()), { now: IN_HOURS }));
  expect(reasons(decision)).toEqual([
    'main number hunt group, in hours',
    'main number hunt group, in hours',
    'main reception (in hours): Acme Ltd, how can I help?',
  ]);
});

test('a reserved number explains the refusal', () => {
  const decision = decideRoute(routeInput(mainNumber(settings({ state: 'reserved' })), { now: IN_HOURS }));
  expect(decision).toMatchObject({
    kind: 'refuse',
    refuseReason: 'reserved',
    steps: [],
    summary: 'Refused: the main number is reserved and does not take calls yet.',
  });
});
