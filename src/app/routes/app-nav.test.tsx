// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { VoicemailMessage } from '../../common/api/voicemail';
import type { NotificationView } from '../../common/notifications';
import { fakeApi } from '../../../test/support/fake-api';
import { aliceMe, person, unknownCaller } from '../../../test/support/view-fixtures';
import { notificationsCache } from '../../features/unknown-contacts/notifications-cache';
import { addToInbox, voicemailQuery } from '../../features/voicemail/voicemail-api';
import { AppNav } from './app-nav';

const me = aliceMe;

const message = (id: string, heardAt: number | null = null): VoicemailMessage => ({
  id,
  boxId: 'num-bookings',
  number: { id: 'num-bookings', number: '+442071234569', displayName: 'Viewings & bookings' },
  caller: { number: '+447911123456', name: null, contactId: null },
  startedAt: 1_000,
  durationMs: 12_000,
  heardAt,
  deleteAfter: 2_000,
});

const caller = (id: string, patch: Partial<NotificationView> = {}) => unknownCaller({ id, ...patch });

function renderNav(inbox: VoicemailMessage[], callers: NotificationView[]) {
  const api = fakeApi({
    'GET /api/voicemail': () => ({ json: inbox }),
    'GET /api/notifications': () => ({ json: callers }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Router hook={memoryLocation({ path: '/contacts' }).hook}>
        <AppNav me={me} />
      </Router>
    </QueryClientProvider>,
  );
  return { api, queryClient };
}

const link = (name: string) => screen.findByRole('link', { name });

afterEach(() => vi.unstubAllGlobals());

test('Voicemail and Unknown callers carry what waits there, in their names; a count of 0 is not shown', async () => {
  renderNav(
    [message('m-1'), message('m-2'), message('m-3', 5)],
    [
      caller('n-1'),
      caller('n-2', { state: 'claimed', claimedBy: person('bob', 'Bob Agent'), claimAction: 'claim' }),
      caller('n-3', { audience: [person('carol', 'Carol Agent')] }),
    ],
  );
  expect(await link('Voicemail, 2 unheard')).toHaveTextContent(/^Voicemail2/);
  expect(await link('Unknown callers, 1 unclaimed')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Contacts' }).querySelector('.nav-count')).toBeNull();
});

test('the counts follow the cache as the feed writes it: a new message, one heard, a caller claimed elsewhere', async () => {
  const { api, queryClient } = renderNav([message('m-1')], [caller('n-1')]);
  await link('Voicemail, 1 unheard');
  await link('Unknown callers, 1 unclaimed');

  act(() => addToInbox(queryClient, message('m-2')));
  await link('Voicemail, 2 unheard');
  act(() => notificationsCache.created(queryClient, caller('n-2', { caller: '+447911123998' })));
  await link('Unknown callers, 2 unclaimed');

  act(() => queryClient.setQueryData(voicemailQuery.queryKey, [message('m-2', 9), message('m-1', 9)]));
  const voicemail = await link('Voicemail');
  expect(voicemail.querySelector('.nav-count')).toBeNull();
  for (const id of ['n-1', 'n-2'])
    act(() =>
      notificationsCache.claimed(queryClient, {
        id,
        claimedBy: person('bob', 'Bob Agent'),
        claimedAt: 2,
        claimAction: 'claim',
      }),
    );
  await waitFor(() => expect(screen.getByRole('link', { name: 'Unknown callers' })).toBeInTheDocument());

  // Live from the cache: each list was fetched once.
  expect(api.calls.map((c) => c.path).sort()).toEqual(['/api/notifications', '/api/voicemail']);
});
