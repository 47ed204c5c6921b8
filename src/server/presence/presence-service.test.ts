import type { PhoneStatus, Presence } from '../../common/presence';
import { seedDemo } from '../seed/seed';
import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import type { StateChange } from './presence-history-repo';
import { createPresenceService } from './presence-service';
import { manualClock } from './manual-clock';

const T = 1_700_000_000_000;
// About wrap-up: the tab's heartbeats are never late here (presence-heartbeat.test.ts times them).
const HOUR = 3_600_000;
const phone = (activeCalls: number, connected: number, ringing = 0): PhoneStatus => ({
  registration: 'registered',
  ringing,
  activeCalls,
  connected,
});

let repos: Repos;
let clock: ReturnType<typeof manualClock>;
let published: Presence[];
let service: ReturnType<typeof createPresenceService>;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
  repos.presenceSettings.setWrapUp('org-demo', 30, { by: 'staff-admin', at: T });
  clock = manualClock(T);
  published = [];
  service = createPresenceService({
    staff: repos.staff,
    now: clock.now,
    publish: (_o, p) => published.push(p),
    registered: () => true,
    wrapUpSeconds: repos.presenceSettings.wrapUpSeconds,
    timers: clock.timers,
    heartbeatLateMs: HOUR,
  });
  service.connect('staff-alice', 'tab');
  service.report('staff-alice', 'tab', phone(0, 0));
});
afterEach(() => repos.db.close());

const alice = () => service.get('staff-alice')!;
const talkThenHangUp = () => {
  service.report('staff-alice', 'tab', phone(1, 1));
  service.report('staff-alice', 'tab', phone(0, 0));
};

test("after an answered call: wrap-up for the organisation's seconds, then available on the companion's clock", () => {
  clock.advance(1000);
  talkThenHangUp();
  expect(alice()).toMatchObject({ state: 'wrap-up', since: T + 1000, wrapUpUntil: T + 31_000 });
  expect(service.get('staff-alice')?.state).toBe('wrap-up');
  clock.advance(29_999);
  expect(alice().state).toBe('wrap-up');
  clock.advance(1);
  expect(alice()).toEqual(expect.objectContaining({ state: 'available', since: T + 31_000 }));
  expect(alice().wrapUpUntil).toBeUndefined();
  // Connecting publishes offline with its reason (not registered yet), then the phone registers.
  expect(published.map((p) => p.state)).toEqual(['offline', 'available', 'on-call', 'wrap-up', 'available']);
  expect(clock.pending()).toBe(1); // the tab's heartbeat watch only
});

test('Ready (choosing available) ends the wrap-up early, and its alarm is cancelled', () => {
  talkThenHangUp();
  clock.advance(5000);
  service.setManual('staff-alice', 'available');
  expect(alice()).toMatchObject({ state: 'available', since: T + 5000 });
  expect(clock.pending()).toBe(1); // the tab's heartbeat watch only
});

test('a call that was dialled but never answered is not followed by wrap-up', () => {
  service.report('staff-alice', 'tab', phone(1, 0));
  service.report('staff-alice', 'tab', phone(0, 0));
  expect(alice().state).toBe('available');
});

test('wrap-up 0 is off: available straight after the call', () => {
  repos.presenceSettings.setWrapUp('org-demo', 0, { by: 'staff-admin', at: T });
  talkThenHangUp();
  expect(alice().state).toBe('available');
});

test('a call ringing in wrap-up shows ringing; answered, it cancels the wrap-up and a new one follows it', () => {
  talkThenHangUp();
  service.report('staff-alice', 'tab', phone(0, 0, 1));
  expect(alice().state).toBe('ringing');
  service.report('staff-alice', 'tab', phone(1, 1));
  clock.advance(40_000);
  expect(alice().state).toBe('on-call');
  service.report('staff-alice', 'tab', phone(0, 0));
  expect(alice()).toMatchObject({ state: 'wrap-up', wrapUpUntil: T + 70_000 });
});

test('after wrap-up the agent returns to the state they chose (away stays away)', () => {
  service.setManual('staff-alice', 'dnd');
  talkThenHangUp();
  expect(alice().state).toBe('wrap-up');
  clock.advance(30_000);
  expect(alice().state).toBe('dnd');
});

test('a tab closed in wrap-up is offline; reopened before the end it is still in wrap-up', () => {
  talkThenHangUp();
  service.disconnect('staff-alice', 'tab');
  expect(alice().state).toBe('offline');
  clock.advance(10_000);
  service.connect('staff-alice', 'tab2');
  service.report('staff-alice', 'tab2', phone(0, 0));
  expect(alice()).toMatchObject({ state: 'wrap-up', wrapUpUntil: T + 30_000 });
});

test('away with a reason: shown with it, renamed live, and without it once removed', () => {
  const lunch = repos.presenceSettings.reasons('org-demo').find((r) => r.name === 'Lunch')!;
  service.setManual('staff-alice', 'away', lunch.id);
  expect(alice()).toMatchObject({ state: 'away', reason: lunch });
  repos.presenceSettings.renameReason('org-demo', lunch.id, 'Lunch break');
  clock.advance(1000);
  service.refreshOrg('org-demo');
  expect(alice()).toMatchObject({ state: 'away', reason: { id: lunch.id, name: 'Lunch break' }, since: T });
  repos.presenceSettings.removeReason('org-demo', lunch.id);
  service.refreshOrg('org-demo');
  expect(alice().state).toBe('away');
  expect(alice().reason).toBeUndefined();
});

test("another organisation's reason is refused and nothing changes", () => {
  repos.orgs.insert({ id: 'org-b', name: 'B' });
  repos.presenceSettings.addReason('org-b', { id: 'reason-b', name: 'Golf' }, T);
  expect(() => service.setManual('staff-alice', 'away', 'reason-b')).toThrow(
    expect.objectContaining({ code: 'NOT_FOUND', path: ['reasonId'] }),
  );
  expect(alice().state).toBe('available');
  expect(repos.staff.findById('staff-alice')?.manualPresence).toBe('available');
});

describe('history of states', () => {
  let changes: StateChange[];
  beforeEach(() => {
    changes = [];
    service = createPresenceService({
      staff: repos.staff,
      now: clock.now,
      publish: () => {},
      registered: () => true,
      timers: clock.timers,
      recorded: (c) => changes.push(c),
    });
  });

  test('every change of state is recorded once, with what it was before; a change of health alone is not', () => {
    service.connect('staff-bob', 'tab');
    service.report('staff-bob', 'tab', phone(0, 0));
    clock.advance(1000);
    service.report('staff-bob', 'tab', phone(1, 1));
    service.report('staff-bob', 'tab', phone(1, 1));
    service.report('staff-bob', 'tab', { registration: 'connecting', ringing: 0, activeCalls: 0 });
    expect(changes.map((c) => [c.fromState, c.state, c.at - T])).toEqual([
      ['offline', 'available', 0],
      ['available', 'on-call', 1000],
      ['on-call', 'offline', 1000],
    ]);
    expect(changes.every((c) => c.staffId === 'staff-bob' && c.orgId === 'org-demo' && c.by === null)).toBe(true);
  });

  test("a supervisor's change is put down to them, with the away reason", () => {
    service.connect('staff-bob', 'tab');
    service.report('staff-bob', 'tab', phone(0, 0));
    const lunch = repos.presenceSettings.reasons('org-demo').find((r) => r.name === 'Lunch')!;
    service.setManual('staff-bob', 'away', lunch.id, { id: 'staff-super', name: 'Sam Supervisor' });
    service.actingOn('staff-bob', { id: 'staff-super', name: 'Sam Supervisor' }, () =>
      service.disconnect('staff-bob', 'tab'),
    );
    service.connect('staff-bob', 'tab-2');
    service.report('staff-bob', 'tab-2', phone(0, 0));
    expect(changes.slice(1).map((c) => [c.state, c.reason, c.by?.name ?? null])).toEqual([
      ['away', 'Lunch', 'Sam Supervisor'],
      ['offline', null, 'Sam Supervisor'],
      ['away', 'Lunch', null],
    ]);
  });
});
