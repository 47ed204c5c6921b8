// @vitest-environment jsdom
import { render } from '@testing-library/react';
import type { NotificationView } from '../../common/notifications';
import { FormatsProvider } from '../../components/format';
import { clearToasts, toasts } from '../../components/ui/toast-store';
import { testFormats } from '../../../test/support/render-with-services';
import { useNotificationAlerts } from './use-notification-alerts';

const openScreen = vi.fn();
function Alerts({ open, loaded }: { open: NotificationView[]; loaded: boolean }) {
  useNotificationAlerts(open, loaded, openScreen);
  return null;
}
const Probe = (props: { open: NotificationView[]; loaded: boolean }) => (
  <FormatsProvider {...testFormats}>
    <Alerts {...props} />
  </FormatsProvider>
);

const raised: { title: string; body?: string }[] = [];
class FakeNotification {
  static permission = 'granted';
  onclick: (() => void) | null = null;
  constructor(title: string, opts: { body?: string }) {
    raised.push({ title, body: opts.body });
  }
}
const n = (id: string, caller: string, kind: NotificationView['kind'] = 'missed-call') =>
  ({
    id,
    kind,
    caller,
    number: { id: 'c', number: '+442079460000', displayName: 'Acme company number' },
    texts: [],
  }) as unknown as NotificationView;

beforeEach(() => {
  raised.length = 0;
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => {
  clearToasts();
  vi.unstubAllGlobals();
  Object.defineProperty(document, 'hidden', { configurable: true, value: false });
});

test('a new unknown caller while the tab is hidden raises one desktop notification; what was there on load does not', () => {
  Object.defineProperty(document, 'hidden', { configurable: true, value: true });
  const view = render(<Probe open={[]} loaded={false} />);
  view.rerender(<Probe open={[n('old', '+447911123001')]} loaded />);
  expect(raised).toEqual([]);
  view.rerender(<Probe open={[n('new', '+447911123002'), n('old', '+447911123001')]} loaded />);
  view.rerender(<Probe open={[n('new', '+447911123002'), n('old', '+447911123001')]} loaded />);
  expect(raised).toEqual([{ title: 'Missed call from 07911 123002', body: 'Acme company number: unclaimed' }]);
});

test('with the tab visible a new one is a toast, not a desktop notification; its Open goes to the screen', () => {
  const view = render(<Probe open={[]} loaded />);
  view.rerender(<Probe open={[n('t', '+447911123003', 'text')]} loaded />);
  expect(raised).toEqual([]);
  expect(toasts.getState().list).toMatchObject([
    { title: 'Text from 07911 123003', body: 'Acme company number: unclaimed', action: { label: 'Open' } },
  ]);
  toasts.getState().list[0]!.action!.run();
  expect(openScreen).toHaveBeenCalledOnce();
});

test('what was there on load is no toast; a new one is one toast however often the list is read', () => {
  const view = render(<Probe open={[]} loaded={false} />);
  view.rerender(<Probe open={[n('old', '+447911123001')]} loaded />);
  expect(toasts.getState().list).toEqual([]);
  view.rerender(<Probe open={[n('new', '+447911123002'), n('old', '+447911123001')]} loaded />);
  view.rerender(<Probe open={[n('new', '+447911123002'), n('old', '+447911123001')]} loaded />);
  expect(toasts.getState().list.map((t) => t.title)).toEqual(['Missed call from 07911 123002']);
});
