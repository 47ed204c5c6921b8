import { createPhoneStore } from '../../sip/phone-store';
import { callSnapshot } from '../../../test/support/render-with-services';
import { eachNewCall } from './each-new-call';

const answered = (c: { status: string }) => c.status === 'active';

test('runs once per call the first time it matches, however often the call changes after', () => {
  const store = createPhoneStore();
  const seen: string[] = [];
  eachNewCall(store, answered, (c) => seen.push(c.id));
  store.getState().addCall(callSnapshot({ id: 'a', status: 'ringing' }));
  store.getState().addCall(callSnapshot({ id: 'b', status: 'ringing' }));
  expect(seen).toEqual([]);
  store.getState().updateCall('a', { status: 'active' });
  store.getState().updateCall('a', { status: 'held' });
  store.getState().updateCall('a', { status: 'active' });
  store.getState().updateCall('b', { status: 'active' });
  expect(seen).toEqual(['a', 'b']);
});

test('forgets a call once the store drops it: the same id listed again counts as a new call', () => {
  const store = createPhoneStore();
  const seen: string[] = [];
  eachNewCall(store, answered, (c) => seen.push(c.id));
  store.getState().addCall(callSnapshot({ id: 'a', status: 'active' }));
  store.getState().dismissCall('a');
  store.getState().addCall(callSnapshot({ id: 'a', status: 'active' }));
  expect(seen).toEqual(['a', 'a']);
});

test('keeps remembering a call while it is listed, ended included', () => {
  const store = createPhoneStore();
  const seen: string[] = [];
  eachNewCall(
    store,
    (c) => c.status !== 'ringing',
    (c) => seen.push(c.id),
  );
  store.getState().addCall(callSnapshot({ id: 'a', status: 'active' }));
  store.getState().endCall('a', 'hangup-local');
  store.getState().addCall(callSnapshot({ id: 'b', status: 'ringing' }));
  expect(seen).toEqual(['a']);
});

test('stops when unsubscribed', () => {
  const store = createPhoneStore();
  const seen: string[] = [];
  const stop = eachNewCall(store, answered, (c) => seen.push(c.id));
  stop();
  store.getState().addCall(callSnapshot({ id: 'a', status: 'active' }));
  expect(seen).toEqual([]);
});
