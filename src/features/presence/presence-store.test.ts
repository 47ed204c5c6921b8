import type { Presence } from '../../common/presence';
import { createPresenceStore, presenceActions, selectPresenceOf } from './presence-store';

const agent = (n: number, state: Presence['state'] = 'available'): Presence => ({
  staffId: `s-${n}`,
  name: `Agent ${n}`,
  extension: String(1000 + n),
  state,
  since: n,
  issues: [],
});

test('a change sets one entry in place: the others keep their objects, a selector of one sees only its own', () => {
  const store = createPresenceStore();
  presenceActions.replaceAll(
    store,
    Array.from({ length: 1000 }, (_, n) => agent(n)),
  );
  const map = store.getState().byStaff;
  const seven = selectPresenceOf('s-7');
  const before = seven(store.getState());
  const notified: number[] = [];
  store.subscribe((s) => notified.push(s.version));

  presenceActions.upsert(store, agent(3, 'away'));
  expect(store.getState().byStaff).toBe(map);
  expect(seven(store.getState())).toBe(before);
  expect(selectPresenceOf('s-3')(store.getState())?.state).toBe('away');
  expect(map.size).toBe(1000);
  expect(notified).toHaveLength(1);

  presenceActions.upsert(store, agent(1000));
  expect(store.getState().byStaff.size).toBe(1001);
});
