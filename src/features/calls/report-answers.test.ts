import { createPhoneStore } from '../../sip/phone-store';
import { callSnapshot } from '../../../test/support/render-with-services';
import { reportAnswers } from './report-answers';

test('reports each inbound call once when it is answered, and never outbound calls', () => {
  const store = createPhoneStore();
  const seen: string[] = [];
  reportAnswers(store, (id) => seen.push(id));
  store.getState().addCall(callSnapshot({ id: 'a', sipCallId: 'sip-a', status: 'ringing' }));
  store.getState().addCall(callSnapshot({ id: 'b', sipCallId: 'sip-b', direction: 'outbound', status: 'dialing' }));
  expect(seen).toEqual([]);
  store.getState().updateCall('a', { status: 'active' });
  store.getState().updateCall('b', { status: 'active' });
  store.getState().updateCall('a', { status: 'held' });
  store.getState().updateCall('a', { status: 'active' });
  expect(seen).toEqual(['sip-a']);
});
