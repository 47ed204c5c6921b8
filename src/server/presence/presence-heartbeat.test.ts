import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_LATE_MS } from '../../common/feed-events';
import type { PhoneStatus, Presence } from '../../common/presence';
import { seedDemo } from '../seed/seed';
import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import { manualClock } from './manual-clock';
import { createPresenceService } from './presence-service';

const T = 1_700_000_000_000;
const registered: PhoneStatus = { registration: 'registered', ringing: 0, activeCalls: 0 };

let repos: Repos;
let clock: ReturnType<typeof manualClock>;
let published: Presence[];
let service: ReturnType<typeof createPresenceService>;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
  clock = manualClock(T);
  published = [];
  service = createPresenceService({
    staff: repos.staff,
    now: clock.now,
    publish: (_o, p) => published.push(p),
    registered: () => true,
    timers: clock.timers,
  });
  service.connect('staff-alice', 'tab');
  service.report('staff-alice', 'tab', registered);
});
afterEach(() => repos.db.close());

const alice = () => service.get('staff-alice')!;
/** Moves the clock in heartbeat steps, the tab beating after each when `beating`. */
function run(ms: number, beating: boolean, tab = 'tab') {
  for (let t = 0; t < ms; t += HEARTBEAT_INTERVAL_MS) {
    clock.advance(Math.min(HEARTBEAT_INTERVAL_MS, ms - t));
    if (beating) service.heartbeat('staff-alice', tab);
  }
}

test('a tab that keeps beating stays available, and its beats publish nothing', () => {
  const before = published.length;
  run(10 * HEARTBEAT_LATE_MS, true);
  expect(alice()).toMatchObject({ state: 'available', issues: [] });
  expect(published.length).toBe(before);
  expect(service.get('staff-alice')?.state).toBe('available');
});

test("no heartbeat for HEARTBEAT_LATE_MS: late and not routable, on the companion's clock; the next beat clears it", () => {
  run(HEARTBEAT_LATE_MS - HEARTBEAT_INTERVAL_MS, false);
  expect(alice().state).toBe('available');
  run(HEARTBEAT_INTERVAL_MS, false);
  expect(alice()).toMatchObject({ state: 'offline', issues: ['heartbeat-late'], since: T + HEARTBEAT_LATE_MS });
  expect(service.get('staff-alice')?.state).toBe('offline');
  clock.advance(500);
  service.heartbeat('staff-alice', 'tab');
  expect(alice()).toMatchObject({ state: 'available', issues: [], since: T + HEARTBEAT_LATE_MS + 500 });
  // And it is timed again from that beat.
  run(HEARTBEAT_LATE_MS, false);
  expect(alice().issues).toEqual(['heartbeat-late']);
});

test('a late beat measures from the last one: a beat that came in time restarts the count', () => {
  run(HEARTBEAT_LATE_MS - HEARTBEAT_INTERVAL_MS, false);
  service.heartbeat('staff-alice', 'tab');
  run(HEARTBEAT_LATE_MS - HEARTBEAT_INTERVAL_MS, false);
  expect(alice().state).toBe('available');
  run(HEARTBEAT_INTERVAL_MS, false);
  expect(alice().issues).toEqual(['heartbeat-late']);
});

test('late on a call: still on the call, with the reason beside it; after the call, offline until it beats', () => {
  service.report('staff-alice', 'tab', { ...registered, activeCalls: 1, connected: 1 });
  run(HEARTBEAT_LATE_MS, false);
  expect(alice()).toMatchObject({ state: 'on-call', issues: ['heartbeat-late'] });
  service.report('staff-alice', 'tab', registered);
  expect(alice()).toMatchObject({ state: 'offline', issues: ['heartbeat-late'] });
});

test('a second tab that is not the phone may be late without making the agent unroutable', () => {
  service.connect('staff-alice', 'other');
  run(HEARTBEAT_LATE_MS, true);
  expect(alice()).toMatchObject({ state: 'available', issues: [] });
});

test("a closed tab stops being timed (no alarm left), and the dead-tab rule is the socket's: offline, no reason", () => {
  service.disconnect('staff-alice', 'tab');
  expect(clock.pending()).toBe(0);
  expect(alice()).toMatchObject({ state: 'offline', issues: [] });
  service.heartbeat('staff-alice', 'tab');
  expect(alice().state).toBe('offline');
});

test("stop clears every tab's alarm", () => {
  service.connect('staff-bob', 'b');
  service.stop();
  expect(clock.pending()).toBe(0);
});
