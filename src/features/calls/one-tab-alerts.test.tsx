// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { callSnapshot, fakeServices, renderWithServices } from '../../../test/support/render-with-services';
import type { TabState } from '../../app/tab-phone';
import { PhoneAlerts } from './phone-alerts';

// The agent's tabs all show a ringing call; only the tab that owns the phone rings, raises the desktop
// notification and asks before the page is left (closing another tab does not end the call).
const ringtone = vi.hoisted(() => ({ start: vi.fn(), stop: vi.fn(), preview: vi.fn() }));
vi.mock('./ringtone', () => ({ createRingtone: () => ringtone }));

const raised: string[] = [];
class FakeNotification {
  static permission = 'granted';
  static requestPermission = vi.fn();
  onclick: (() => void) | null = null;
  constructor(title: string) {
    raised.push(title);
  }
}

/** Would leaving the page now be questioned? (a beforeunload listener cancelling it) */
const leaveAsked = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

beforeEach(() => {
  raised.length = 0;
  ringtone.start.mockClear();
  vi.stubGlobal('Notification', FakeNotification);
  Object.defineProperty(document, 'hidden', { configurable: true, value: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  Object.defineProperty(document, 'hidden', { configurable: true, value: false });
});

test.each<{ role: TabState['role']; alerts: boolean }>([
  { role: 'owner', alerts: true },
  { role: 'follower', alerts: false },
  { role: 'electing', alerts: false },
])('a call ringing in a tab that is $role: rings, notifies and asks before leaving: $alerts', ({ role, alerts }) => {
  const services = fakeServices();
  services.phone.tab.setState({ role });
  const { unmount } = renderWithServices(<PhoneAlerts />, services);
  act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing' })));
  expect(ringtone.start).toHaveBeenCalledTimes(alerts ? 1 : 0);
  expect(raised).toHaveLength(alerts ? 1 : 0);
  expect(leaveAsked()).toBe(alerts);
  unmount();
});

test('a follower that becomes the owner while the call rings starts ringing and asks before leaving', () => {
  const services = fakeServices();
  services.phone.tab.setState({ role: 'follower' });
  const { unmount } = renderWithServices(<PhoneAlerts />, services);
  act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing' })));
  expect(ringtone.start).not.toHaveBeenCalled();
  expect(leaveAsked()).toBe(false);
  act(() => services.phone.tab.setState({ role: 'owner' }));
  expect(ringtone.start).toHaveBeenCalledTimes(1);
  expect(leaveAsked()).toBe(true);
  unmount();
});
