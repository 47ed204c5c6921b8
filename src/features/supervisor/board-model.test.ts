import type { Presence, PresenceState } from '../../common/presence';
import { BoardModel } from './board-model';

const p = (
  staffId: string,
  name: string,
  state: PresenceState,
  since = 0,
  extension: string | null = null,
): Presence => ({
  staffId,
  name,
  extension,
  state,
  since,
});

function model() {
  const m = new BoardModel();
  m.replacePresence([
    p('c', 'Carol', 'away', 30),
    p('a', 'Alice', 'available', 10),
    p('b', 'Bob', 'on-call', 20),
    p('d', 'Dave', 'offline', 5),
  ]);
  m.setNumbers([{ id: 'sales', number: '+44', displayName: 'Sales', staffIds: ['a', 'b'] }]);
  return m;
}

/** The same answer computed the slow way, over every row: what the incremental model must always equal. */
function recomputed(m: BoardModel) {
  const fresh = new BoardModel();
  fresh.numbers = m.numbers;
  fresh.sort = m.sort;
  fresh.replacePresence([...m.rows.values()].map((r) => r.presence));
  fresh.setFilter(m.filter);
  return { visible: fresh.visible, counts: fresh.counts };
}

test('sorted by name, counts per state', () => {
  const m = model();
  expect(m.visible).toEqual(['a', 'b', 'c', 'd']);
  expect(m.counts).toMatchObject({ available: 1, 'on-call': 1, away: 1, offline: 1, dnd: 0 });
});

test('filters by state and by number; counts follow the number, not the state filter', () => {
  const m = model();
  m.setFilter({ states: new Set(['available', 'away']), numberId: null });
  expect(m.visible).toEqual(['a', 'c']);
  m.setFilter({ states: new Set(), numberId: 'sales' });
  expect(m.visible).toEqual(['a', 'b']);
  expect(m.counts).toMatchObject({ available: 1, 'on-call': 1, away: 0, offline: 0 });
});

test('sorts by state (who can take a call first), by time in state (longest first), by extension', () => {
  const m = model();
  m.setSort({ key: 'state', descending: false });
  expect(m.visible).toEqual(['a', 'b', 'c', 'd']);
  m.setSort({ key: 'since', descending: false });
  expect(m.visible).toEqual(['d', 'a', 'b', 'c']);
  m.setSort({ key: 'name', descending: true });
  expect(m.visible).toEqual(['d', 'c', 'b', 'a']);
});

test.each([
  { sort: 'name', descending: false, states: [], numberId: null },
  { sort: 'state', descending: false, states: ['available', 'on-call'], numberId: null },
  { sort: 'since', descending: true, states: [], numberId: 'sales' },
  { sort: 'extension', descending: false, states: ['offline'], numberId: 'sales' },
] as const)('changes applied one by one equal a full recount (sort $sort, filter $states $numberId)', (c) => {
  const m = model();
  m.setSort({ key: c.sort, descending: c.descending });
  m.setFilter({ states: new Set(c.states), numberId: c.numberId });
  const states: PresenceState[] = ['available', 'on-call', 'offline', 'away', 'ringing', 'wrap-up', 'dnd'];
  let seed = 7;
  for (let i = 0; i < 300; i++) {
    seed = (seed * 48271) % 2147483647;
    const who = ['a', 'b', 'c', 'd', 'e'][seed % 5]!;
    const state = states[seed % 7]!;
    m.upsertPresence(
      p(who, who === 'e' ? 'Eve' : m.rows.get(who)!.presence.name, state, 100 + (seed % 50), `10${seed % 9}`),
    );
    expect({ visible: m.visible, counts: m.counts }).toEqual(recomputed(m));
  }
});

test('activity: the snapshot replaces, the feed only moves forward', () => {
  const m = model();
  const today = { answered: 1, missed: 0, talkSeconds: 5 };
  m.setActivity([{ staffId: 'a', rev: 5, call: null, today }], true);
  m.setActivity([{ staffId: 'a', rev: 4, call: null, today: { ...today, answered: 9 } }]);
  expect(m.rows.get('a')!.activity?.today.answered).toBe(1);
  m.setActivity([{ staffId: 'a', rev: 6, call: null, today: { ...today, answered: 2 } }]);
  expect(m.rows.get('a')!.activity?.today.answered).toBe(2);
  m.upsertPresence(p('a', 'Alice', 'dnd', 50));
  expect(m.rows.get('a')!.activity?.rev).toBe(6);
});
