import { seedDemo } from '../seed/seed';
import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import { createHistoryWriter } from './history-writer';
import { createPresenceHistoryRepo, type PresenceHistoryRepo, type StateChange } from './presence-history-repo';

let repos: Repos;
let history: PresenceHistoryRepo;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
  history = createPresenceHistoryRepo(repos.db);
});
afterEach(() => repos.db.close());

const H = 3_600_000;
const change = (
  state: StateChange['state'],
  fromState: StateChange['state'],
  at: number,
  staffId = 'staff-alice',
): StateChange => ({
  orgId: 'org-demo',
  staffId,
  state,
  fromState,
  reason: null,
  at,
  by: null,
});

test('stretches of a day: the one running at its start, those inside, the one still running', () => {
  history.insertMany([
    change('available', 'offline', 8 * H),
    change('on-call', 'available', 25 * H),
    change('available', 'on-call', 26 * H),
    change('away', 'available', 30 * H),
    change('available', 'offline', 27 * H, 'staff-bob'),
  ]);
  const day = history.between('staff-alice', 24 * H, 48 * H);
  expect(day.map((s) => [s.state, s.from / H, s.to === null ? null : s.to / H])).toEqual([
    ['available', 8, 25],
    ['on-call', 25, 26],
    ['available', 26, 30],
    ['away', 30, null],
  ]);
  expect(history.between('staff-alice', 0, 8 * H)).toEqual([]);
  expect(history.between('staff-alice', 48 * H, 72 * H).map((s) => s.state)).toEqual(['away']);
});

test('after a restart, whoever was not offline gets an offline stretch from then', () => {
  history.insertMany([change('available', 'offline', H), change('offline', 'available', 2 * H, 'staff-bob')]);
  expect(history.closeOpen(5 * H)).toBe(1);
  expect(history.between('staff-alice', 0, 10 * H).at(-1)).toMatchObject({
    state: 'offline',
    fromState: 'available',
    from: 5 * H,
  });
  expect(history.closeOpen(6 * H)).toBe(0);
});

test('who made a change is kept with it', () => {
  history.insertMany([
    { ...change('away', 'available', H), reason: 'Lunch', by: { id: 'staff-super', name: 'Sam Supervisor' } },
  ]);
  expect(history.between('staff-alice', 0, 2 * H)).toEqual([
    {
      state: 'away',
      fromState: 'available',
      reason: 'Lunch',
      from: H,
      to: null,
      setBy: { id: 'staff-super', name: 'Sam Supervisor' },
    },
  ]);
});

test('the writer puts one turn of changes in one transaction, written a turn later', () => {
  const later: (() => void)[] = [];
  const batches: number[] = [];
  const writer = createHistoryWriter(
    { ...history, insertMany: (c) => (batches.push(c.length), history.insertMany(c)) },
    (fn) => later.push(fn),
  );
  writer.record(change('available', 'offline', H));
  writer.record(change('away', 'available', 2 * H));
  writer.record(change('available', 'offline', H, 'staff-bob'));
  expect(later).toHaveLength(1);
  expect(history.between('staff-alice', 0, 3 * H)).toEqual([]);
  later[0]!();
  expect(batches).toEqual([3]);
  expect(history.between('staff-alice', 0, 3 * H).map((s) => s.state)).toEqual(['available', 'away']);
});
