import { QueryClient } from '@tanstack/react-query';
import type { CallOffered } from '../common/calls';
import { clearToasts, toasts } from '../components/ui/toast-store';
import { meQuery } from '../features/auth/auth-api';
import { createOffersStore } from '../features/calls/offers-store';
import { createPresenceStore } from '../features/presence/presence-store';
import { createBoardStore } from '../features/supervisor/board-store';
import { aliceMe } from '../../test/support/view-fixtures';
import { feedDeps } from './feed-listeners';

function feed() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(meQuery.queryKey, aliceMe);
  const presence = createPresenceStore();
  const deps = feedDeps({
    presence,
    board: createBoardStore(),
    offers: createOffersStore(),
    queryClient,
    contactRegistered: () => {},
  });
  return { deps, presence };
}
const shown = () => toasts.getState().list.map((t) => `${t.tone}: ${t.title}`);
const offer = (sipCallId: string, name: string | null): CallOffered => ({
  sipCallId,
  number: { id: 'num-sales', number: '+442071234567', displayName: 'Sales line' },
  caller: { number: '+447911123456', name, known: name !== null },
  reason: 'round robin',
  offeredAt: 1,
});

afterEach(() => clearToasts());

test('the feed lost and back: one toast each, the second replacing the first; retries while down say nothing', () => {
  const { deps, presence } = feed();
  deps.connection({ status: 'connected' });
  expect(shown()).toEqual([]);
  const lost = { status: 'disconnected', reason: 'Connection to the Switchboard server lost, reconnecting…' } as const;
  deps.connection(lost);
  expect(presence.getState().feed).toEqual(lost);
  expect(shown()).toEqual(['error: Live updates lost']);
  expect(toasts.getState().list[0]!.body).toMatch(/^Connection to the Switchboard server lost, reconnecting…/);
  deps.connection({ status: 'disconnected', reason: 'Switchboard server unreachable, retrying…' });
  expect(shown()).toEqual(['error: Live updates lost']);
  deps.connection({ status: 'connected' });
  expect(shown()).toEqual(['success: Live updates are back']);
});

test('signing out closes the feed without a toast', () => {
  const { deps } = feed();
  deps.connection({ status: 'connected' });
  deps.connection({ status: 'stopped' });
  expect(shown()).toEqual([]);
});

test('a call this agent was offered, answered by a teammate, is a toast naming who took whose call', () => {
  const { deps } = feed();
  deps.listeners['call:offered'](offer('sip-1', null));
  deps.listeners['call:resolved']({ sipCallId: 'sip-1', outcome: 'answered-elsewhere', text: 'Answered by Bob Agent' });
  expect(toasts.getState().list).toMatchObject([
    { tone: 'info', title: 'Answered by Bob Agent', body: 'The call from 07911 123456 to Sales line.' },
  ]);
});

test('a call that stopped ringing otherwise, or one never offered here, is no toast', () => {
  const { deps } = feed();
  deps.listeners['call:offered'](offer('sip-2', 'Jane Roe'));
  deps.listeners['call:resolved']({ sipCallId: 'sip-2', outcome: 'caller-hung-up', text: 'The caller hung up' });
  deps.listeners['call:resolved']({ sipCallId: 'sip-9', outcome: 'answered-elsewhere', text: 'Answered by Bob Agent' });
  expect(shown()).toEqual([]);
});
