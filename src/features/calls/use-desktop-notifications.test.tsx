// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { callSnapshot, renderWithServices } from '../../../test/support/render-with-services';
import { offersActions } from './offers-store';
import { useDesktopNotifications } from './use-desktop-notifications';

function Probe() {
  useDesktopNotifications();
  return null;
}

const raised: { title: string; body?: string }[] = [];
class FakeNotification {
  static permission = 'granted';
  static requestPermission = vi.fn();
  onclick: (() => void) | null = null;
  constructor(title: string, opts: { body?: string }) {
    raised.push({ title, body: opts.body });
  }
}

beforeEach(() => {
  raised.length = 0;
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => {
  vi.unstubAllGlobals();
  Object.defineProperty(document, 'hidden', { configurable: true, value: false });
});

test('a routed call ringing while the tab is hidden raises one notification with the reason', () => {
  Object.defineProperty(document, 'hidden', { configurable: true, value: true });
  const { services } = renderWithServices(<Probe />);
  act(() => {
    offersActions.offered(services.offers, {
      sipCallId: 'sip-1',
      number: { id: 'n', number: '+442071234567', displayName: 'Sales line' },
      caller: { number: '+447911123456', name: 'Jane Roe', known: true },
      reason: 'primary agent of contact Jane Roe',
      offeredAt: 0,
    });
    services.phone.store.getState().addCall(callSnapshot({ status: 'ringing', sipCallId: 'sip-1' }));
    services.phone.store.getState().updateCall('call-1', { muted: true });
  });
  expect(raised).toEqual([{ title: 'Incoming call from Jane Roe', body: "Sales line: You're the agent for Jane Roe" }]);
});

test('no notification while the tab is visible', () => {
  const { services } = renderWithServices(<Probe />);
  act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing' })));
  expect(raised).toEqual([]);
});
