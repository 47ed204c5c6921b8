import {
  createPhoneStore,
  selectActiveCall,
  selectCall,
  selectCalls,
  selectHeldCalls,
  selectIncomingCalls,
  selectPhoneStatus,
  selectRegistration,
  type CallSnapshot,
} from './phone-store';
import { manualTimers } from './test-support/fake-user-agent';

const snapshot = (over: Partial<CallSnapshot> & Pick<CallSnapshot, 'id'>): CallSnapshot => ({
  sipCallId: `${over.id}@test`,
  direction: 'inbound',
  status: 'ringing',
  remote: { uri: 'sip:100@example.test', user: '100', displayName: '' },
  createdAt: 0,
  muted: false,
  held: false,
  remoteHeld: false,
  ...over,
});

function setup(lingerMs = 3000) {
  const timers = manualTimers();
  const store = createPhoneStore({ ...timers, endedCallLingerMs: lingerMs });
  return { store, timers, s: () => store.getState() };
}

test('starts unregistered with no calls', () => {
  const { s } = setup();
  expect(selectRegistration(s())).toEqual({ status: 'unregistered' });
  expect(selectCalls(s())).toEqual([]);
});

test('an ended call stays listed with its cause, then disappears after the linger time', async () => {
  const { store, timers, s } = setup(3000);
  store.getState().addCall(snapshot({ id: 'a', status: 'active' }));
  store.getState().endCall('a', 'busy');
  expect(selectCall('a')(s())).toMatchObject({ status: 'ended', endCause: 'busy', endedAt: 0 });
  await timers.advance(2999);
  expect(selectCalls(s())).toHaveLength(1);
  await timers.advance(1);
  expect(selectCalls(s())).toHaveLength(0);
});

test('dismissCall removes at once and cancels the pending removal', () => {
  const { store, timers, s } = setup();
  store.getState().addCall(snapshot({ id: 'a' }));
  store.getState().endCall('a', 'declined');
  store.getState().dismissCall('a');
  expect(selectCalls(s())).toHaveLength(0);
  expect(timers.pending()).toEqual([]);
});

test('ending twice keeps the first cause', () => {
  const { store, s } = setup();
  store.getState().addCall(snapshot({ id: 'a' }));
  store.getState().endCall('a', 'cancelled');
  store.getState().endCall('a', 'failed');
  expect(selectCall('a')(s())?.endCause).toBe('cancelled');
});

test('selectors: incoming, held, active and the phone status for presence', () => {
  const { store, s } = setup();
  const { addCall } = store.getState();
  addCall(snapshot({ id: 'held', status: 'held', held: true, direction: 'outbound' }));
  addCall(snapshot({ id: 'talking', status: 'active' }));
  addCall(snapshot({ id: 'waiting', status: 'ringing' }));
  expect(selectIncomingCalls(s()).map((c) => c.id)).toEqual(['waiting']);
  expect(selectHeldCalls(s()).map((c) => c.id)).toEqual(['held']);
  expect(selectActiveCall(s())?.id).toBe('talking');
  expect(selectPhoneStatus(s())).toEqual({ registration: 'unregistered', ringing: 1, activeCalls: 2, connected: 2 });
});

test('derived selectors return the same reference until the calls change', () => {
  const { store, s } = setup();
  store.getState().addCall(snapshot({ id: 'a' }));
  const first = selectIncomingCalls(s());
  store.getState().setRegistration({ status: 'registered' });
  expect(selectIncomingCalls(s())).toBe(first);
  expect(selectPhoneStatus(s())).toBe(selectPhoneStatus(s()));
  store.getState().updateCall('a', { status: 'active' });
  expect(selectIncomingCalls(s())).not.toBe(first);
  expect(selectIncomingCalls(s())).toEqual([]);
});
