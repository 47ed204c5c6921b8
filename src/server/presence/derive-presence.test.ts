import type { PhoneStatus } from '../../common/presence';
import type { PhoneProblem } from '../../common/presence-health';
import { derivePresence, type TabFacts } from './derive-presence';

const phone = (registration: PhoneStatus['registration'], ringing = 0, activeCalls = 0): PhoneStatus => ({
  registration,
  ringing,
  activeCalls,
});

test.each([
  { why: 'no tab open', tabs: [], registered: true, manual: 'available', want: 'offline', issues: [] },
  {
    why: 'tab open, phone still connecting',
    tabs: [phone('connecting')],
    registered: false,
    manual: 'available',
    want: 'offline',
    issues: ['not-registered'],
  },
  {
    why: 'registration failed',
    tabs: [phone('failed')],
    registered: false,
    manual: 'available',
    want: 'offline',
    issues: ['not-registered'],
  },
  {
    why: 'the page says registered, Kamailio has no contact',
    tabs: [phone('registered')],
    registered: false,
    manual: 'available',
    want: 'offline',
    issues: ['registration-lost'],
  },
  {
    why: 'Kamailio has a contact, the page says its phone is down',
    tabs: [phone('connecting')],
    registered: true,
    manual: 'available',
    want: 'offline',
    issues: ['not-registered'],
  },
  {
    why: 'registered',
    tabs: [phone('registered')],
    registered: true,
    manual: 'available',
    want: 'available',
    issues: [],
  },
  {
    why: 'registered and away',
    tabs: [phone('registered')],
    registered: true,
    manual: 'away',
    want: 'away',
    issues: [],
  },
  { why: 'registered and dnd', tabs: [phone('registered')], registered: true, manual: 'dnd', want: 'dnd', issues: [] },
  {
    why: 'ringing',
    tabs: [phone('registered', 1)],
    registered: true,
    manual: 'available',
    want: 'ringing',
    issues: [],
  },
  {
    why: 'on a call beats ringing (call waiting)',
    tabs: [phone('registered', 1, 1)],
    registered: true,
    manual: 'available',
    want: 'on-call',
    issues: [],
  },
  {
    why: 'on a call while dnd',
    tabs: [phone('registered', 0, 1)],
    registered: true,
    manual: 'dnd',
    want: 'on-call',
    issues: [],
  },
  {
    why: 'two tabs, one registered',
    tabs: [phone('connecting'), phone('registered')],
    registered: true,
    manual: 'available',
    want: 'available',
    issues: [],
  },
] as const)('$why → $want', ({ tabs, registered, manual, want, issues }) => {
  expect(derivePresence({ tabs: [...tabs], registered, manual })).toEqual({ state: want, issues: [...issues] });
});

test.each([
  { why: 'wrapping up beats the choice', phones: [phone('registered')], manual: 'available', want: 'wrap-up' },
  { why: 'wrapping up beats away', phones: [phone('registered')], manual: 'away', want: 'wrap-up' },
  { why: 'ringing beats wrapping up', phones: [phone('registered', 1)], manual: 'available', want: 'ringing' },
  { why: 'on a call beats wrapping up', phones: [phone('registered', 0, 1)], manual: 'available', want: 'on-call' },
  { why: 'offline beats wrapping up', phones: [phone('failed')], manual: 'available', want: 'offline' },
] as const)('in wrap-up: $why → $want', ({ phones, manual, want }) => {
  expect(derivePresence({ tabs: [...phones], registered: true, manual, wrappingUp: true }).state).toBe(want);
});

const ill = (problems: PhoneProblem[], extra: Partial<TabFacts> = {}): TabFacts => ({
  ...phone('registered'),
  problems,
  ...extra,
});

test.each([
  {
    why: 'no microphone',
    tabs: [ill(['no-microphone'])],
    manual: 'available',
    want: 'offline',
    issues: ['no-microphone'],
  },
  {
    why: 'microphone refused',
    tabs: [ill(['microphone-denied'])],
    manual: 'available',
    want: 'offline',
    issues: ['microphone-denied'],
  },
  {
    why: 'sound blocked',
    tabs: [ill(['sound-blocked'])],
    manual: 'available',
    want: 'offline',
    issues: ['sound-blocked'],
  },
  {
    why: 'heartbeats late',
    tabs: [ill([], { late: true })],
    manual: 'available',
    want: 'offline',
    issues: ['heartbeat-late'],
  },
  {
    why: 'several, in one order',
    tabs: [ill(['sound-blocked', 'no-microphone'], { late: true })],
    manual: 'available',
    want: 'offline',
    issues: ['heartbeat-late', 'no-microphone', 'sound-blocked'],
  },
  { why: 'fixed (an empty list)', tabs: [ill([])], manual: 'available', want: 'available', issues: [] },
  {
    why: 'away keeps its name, with the reason',
    tabs: [ill(['no-microphone'])],
    manual: 'away',
    want: 'away',
    issues: ['no-microphone'],
  },
  {
    why: 'dnd keeps its name, with the reason',
    tabs: [ill(['sound-blocked'])],
    manual: 'dnd',
    want: 'dnd',
    issues: ['sound-blocked'],
  },
  {
    why: 'on a call keeps its name',
    tabs: [ill(['no-microphone'], { activeCalls: 1 })],
    manual: 'available',
    want: 'on-call',
    issues: ['no-microphone'],
  },
  {
    why: 'ringing keeps its name',
    tabs: [ill(['sound-blocked'], { ringing: 1 })],
    manual: 'available',
    want: 'ringing',
    issues: ['sound-blocked'],
  },
  {
    why: 'a tab that is not the phone does not count',
    tabs: [ill([]), ill(['no-microphone'], { registration: 'connecting', late: true })],
    manual: 'available',
    want: 'available',
    issues: [],
  },
  {
    why: "two tabs saying registered: either one's problem counts",
    tabs: [ill([]), ill(['microphone-denied'])],
    manual: 'available',
    want: 'offline',
    issues: ['microphone-denied'],
  },
] as const)('phone health: $why → $want $issues', ({ tabs, manual, want, issues }) => {
  expect(derivePresence({ tabs: [...tabs], registered: true, manual })).toEqual({ state: want, issues: [...issues] });
});

test.each([
  {
    why: 'registration lost comes first',
    tabs: [ill(['no-microphone'])],
    registered: false,
    issues: ['registration-lost', 'no-microphone'],
  },
  {
    why: "no tab registered: every tab's problems",
    tabs: [ill(['sound-blocked'], { registration: 'connecting' })],
    registered: true,
    issues: ['not-registered', 'sound-blocked'],
  },
] as const)('with registration: $why', ({ tabs, registered, issues }) => {
  expect(derivePresence({ tabs: [...tabs], registered, manual: 'available' })).toEqual({
    state: 'offline',
    issues: [...issues],
  });
});

test('in wrap-up with a problem: wrap-up, the reason beside it', () => {
  expect(
    derivePresence({ tabs: [ill(['no-microphone'])], registered: true, manual: 'available', wrappingUp: true }),
  ).toEqual({ state: 'wrap-up', issues: ['no-microphone'] });
});
