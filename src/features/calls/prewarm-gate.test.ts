import type { Presence, PresenceState } from '../../common/presence';
import { createPresenceStore, presenceActions } from '../presence/presence-store';
import { prewarmStates, setPrewarmSetting, watchPrewarm } from './prewarm-gate';

const me = (state: PresenceState): Presence => ({ staffId: 's-1', name: 'Ada', extension: '1001', state, since: 0 });

function gate() {
  const presence = createPresenceStore();
  const calls: boolean[] = [];
  const storage = new Map<string, string>();
  const store = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
  };
  const stop = watchPrewarm({ presence, staffId: 's-1', phone: { setPrewarm: (a) => calls.push(a) }, storage: store });
  return { presence, calls, stop, store };
}

test.each(['offline', 'available', 'ringing', 'on-call', 'wrap-up', 'away', 'dnd'] as PresenceState[])(
  'presence %s: the microphone is kept only while taking calls',
  (state) => {
    const { presence, calls } = gate();
    presenceActions.upsert(presence, me(state));
    expect(calls.at(-1)).toBe(prewarmStates.includes(state));
  },
);

test('off until the agent is known; another agent’s presence (a supervisor’s board) changes nothing', () => {
  const { presence, calls } = gate();
  expect(calls).toEqual([false]);
  presenceActions.upsert(presence, { ...me('available'), staffId: 's-2' });
  expect(calls).toEqual([false]);
});

test('going away lets the microphone go; back to available keeps it again; stop (sign-out) lets it go', () => {
  const { presence, calls, stop } = gate();
  presenceActions.upsert(presence, me('available'));
  presenceActions.upsert(presence, me('away'));
  presenceActions.upsert(presence, me('available'));
  stop();
  expect(calls).toEqual([false, true, false, true, false]);
});

test('the agent’s setting turns it off however available they are', () => {
  const { presence, calls, store } = gate();
  presenceActions.upsert(presence, me('available'));
  setPrewarmSetting(false, store);
  expect(calls.at(-1)).toBe(false);
  setPrewarmSetting(true, store);
  expect(calls.at(-1)).toBe(true);
});
