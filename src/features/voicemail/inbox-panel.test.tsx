// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { VoicemailMessage } from '../../common/api/voicemail';
import { clearToasts, toasts } from '../../components/ui/toast-store';
import { fakeApi } from '../../../test/support/fake-api';
import { renderWithServices } from '../../../test/support/render-with-services';
import { InboxPanel } from './inbox-panel';
import { useVoicemailNotifications } from './use-voicemail-notifications';
import { addToInbox } from './voicemail-api';

const message = (id: string, patch: Partial<VoicemailMessage> = {}): VoicemailMessage => ({
  id,
  boxId: 'num-bookings',
  number: { id: 'num-bookings', number: '+442071234569', displayName: 'Viewings & bookings' },
  caller: { number: '+447911123456', name: 'Jane Roe', contactId: 'c-1' },
  startedAt: Date.UTC(2026, 11, 2, 10, 0),
  durationMs: 12_000,
  heardAt: null,
  deleteAfter: Date.UTC(2026, 11, 16, 10, 0),
  ...patch,
});

const raised: string[] = [];
class FakeNotification {
  static permission = 'granted';
  onclick: (() => void) | null = null;
  constructor(title: string) {
    raised.push(title);
  }
}

const openInbox = vi.fn();
function Inbox() {
  useVoicemailNotifications(openInbox);
  return <InboxPanel />;
}

beforeEach(() => {
  raised.length = 0;
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => {
  clearToasts();
  vi.unstubAllGlobals();
  Object.defineProperty(document, 'hidden', { configurable: true, value: false });
});

function serve(list: VoicemailMessage[]) {
  const api = fakeApi({
    'GET /api/voicemail': () => ({ json: list }),
    'POST /api/voicemail/m-1/heard': () => ({ json: { ...list[0]!, heardAt: 5 } }),
    'DELETE /api/voicemail/m-1': () => ({ status: 204 }),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

test('the inbox lists who called which number, how long, with an unheard badge; marking heard clears it', async () => {
  const api = serve([
    message('m-1'),
    message('m-2', { heardAt: 1, caller: { number: '+447700900123', name: null, contactId: null } }),
  ]);
  renderWithServices(<Inbox />);
  const panel = within(await screen.findByRole('region', { name: 'Voicemail' }));
  expect(await panel.findByLabelText('1 unheard')).toHaveTextContent('1');
  const first = within(document.querySelector('[data-voicemail="m-1"]') as HTMLElement);
  expect(first.getByText('Jane Roe')).toBeInTheDocument();
  expect(first.getByText(/Viewings & bookings/)).toBeInTheDocument();
  expect(first.getByText(/0:12/)).toBeInTheDocument();
  expect((document.querySelector('audio[data-voicemail-audio="m-1"]') as HTMLAudioElement).getAttribute('src')).toBe(
    '/api/voicemail/m-1/audio',
  );
  await userEvent.click(first.getByRole('button', { name: 'Mark heard' }));
  await vi.waitFor(() => expect(panel.queryByLabelText('1 unheard')).toBeNull());
  expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/voicemail/m-1/heard')).toBe(true);
});

test('delete asks first, then removes the message', async () => {
  const api = serve([message('m-1')]);
  renderWithServices(<Inbox />);
  const row = within((await screen.findByText('Jane Roe')).closest('li')!);
  await userEvent.click(row.getByRole('button', { name: 'Delete' }));
  expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
  await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
  await screen.findByText('No messages.');
  expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/api/voicemail/m-1')).toBe(true);
});

test('a message arriving live is a toast whose Open goes to the inbox; those already there are not', async () => {
  serve([message('m-1')]);
  const { services } = renderWithServices(<Inbox />);
  await screen.findByText('Jane Roe');
  act(() => addToInbox(services.queryClient, message('m-3')));
  await vi.waitFor(() => expect(toasts.getState().list).toHaveLength(1));
  const [toast] = toasts.getState().list;
  expect(toast).toMatchObject({
    title: 'New voicemail from Jane Roe',
    body: 'Viewings & bookings, 0:12',
    tone: 'info',
  });
  toast!.action!.run();
  expect(openInbox).toHaveBeenCalledOnce();
  act(() => addToInbox(services.queryClient, message('m-3')));
  expect(toasts.getState().list).toHaveLength(1);
  expect(raised).toEqual([]);
});

test('a message arriving live while the tab is hidden raises one desktop notification; those already there do not', async () => {
  serve([message('m-1')]);
  const { services } = renderWithServices(<Inbox />);
  await screen.findByText('Jane Roe');
  expect(raised).toEqual([]);
  Object.defineProperty(document, 'hidden', { configurable: true, value: true });
  act(() =>
    addToInbox(
      services.queryClient,
      message('m-3', { caller: { number: '+447700900123', name: null, contactId: null } }),
    ),
  );
  await vi.waitFor(() => expect(raised).toHaveLength(1));
  expect(raised[0]).toMatch(/^New voicemail from /);
  expect(await screen.findByLabelText('2 unheard')).toBeInTheDocument();
  act(() => addToInbox(services.queryClient, message('m-3')));
  expect(raised).toHaveLength(1);
});

test('a failing inbox shows its error inside the panel', async () => {
  vi.stubGlobal(
    'fetch',
    fakeApi({
      'GET /api/voicemail': () => ({
        status: 500,
        json: { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } },
      }),
    }).fetch,
  );
  renderWithServices(<Inbox />);
  expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
});
