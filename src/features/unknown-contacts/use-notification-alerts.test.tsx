// @vitest-environment jsdom
import { render } from '@testing-library/react';
import type { NotificationView } from '../../common/notifications';
import { FormatsProvider } from '../../components/format';
import { testFormats } from '../../../test/support/render-with-services';
import { useNotificationAlerts } from './use-notification-alerts';

function Alerts({ open, loaded }: { open: NotificationView[]; loaded: boolean }) {
  useNotificationAlerts(open, loaded);
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

test('with the tab visible nothing is raised (the panel shows it)', () => {
  const view = render(<Probe open={[]} loaded />);
  view.rerender(<Probe open={[n('t', '+447911123003', 'text')]} loaded />);
  expect(raised).toEqual([]);
});
