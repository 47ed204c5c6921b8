// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NotificationView } from '../../common/notifications';
import { fakeApi } from '../../../test/support/fake-api';
import { renderWithServices } from '../../../test/support/render-with-services';
import { person, unknownCaller } from '../../../test/support/view-fixtures';
import { notificationsCache } from './notifications-cache';
import { FollowUpsPanel } from './follow-ups-panel';
import { UnknownCallersPanel } from './unknown-callers-panel';

const item = (patch: Partial<NotificationView> = {}) =>
  unknownCaller({ ringAttempts: 3, createdAt: Date.now() - 60_000, updatedAt: Date.now() - 60_000, ...patch });

afterEach(() => vi.unstubAllGlobals());

test('lists the open callers of my rules with the unread count; a claim elsewhere makes one vanish at once', async () => {
  const api = fakeApi({
    'GET /api/notifications': () => ({
      json: [item(), item({ id: 'n2', caller: '+447911123998', audience: [person('carol', 'Carol Agent')] })],
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const { services } = renderWithServices(<UnknownCallersPanel meId="alice" onClaimed={() => {}} />);
  const card = await screen.findByRole('listitem', { name: 'Missed call from 07911 123999' });
  expect(within(card).getByText(/rang 3 agents/)).toBeInTheDocument();
  expect(within(card).getByText(/source Company line · tag company-number/)).toBeInTheDocument();
  expect(screen.getByTestId('unread-count')).toHaveTextContent('1');
  expect(screen.queryByText('07911 123998')).not.toBeInTheDocument();
  act(() =>
    notificationsCache.claimed(services.queryClient, {
      id: 'n1',
      claimedBy: person('bob', 'Bob Agent'),
      claimedAt: Date.now(),
      claimAction: 'claim',
    }),
  );
  await waitFor(() =>
    expect(screen.queryByRole('listitem', { name: 'Missed call from 07911 123999' })).not.toBeInTheDocument(),
  );
  expect(screen.getByTestId('unread-count')).toHaveTextContent('0');
});

test('losing the race says who won, and the caller leaves the list', async () => {
  let claimed = false;
  const api = fakeApi({
    'GET /api/notifications': () => ({
      json: [claimed ? item({ state: 'claimed', claimedBy: person('carol', 'Carol Agent') }) : item()],
    }),
    'POST /api/notifications/n1/claim': () => {
      claimed = true;
      return {
        status: 409,
        json: { error: { code: 'ALREADY_CLAIMED', message: 'Carol Agent already claimed this caller.' } },
      };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithServices(<UnknownCallersPanel meId="alice" onClaimed={() => {}} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Claim' }));
  expect(await screen.findByTestId('claim-message')).toHaveTextContent('Carol Agent already claimed this caller.');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Claim' })).not.toBeInTheDocument());
});

test('Call back claims first, then calls the caller presenting the company number', async () => {
  const api = fakeApi({
    'GET /api/notifications': () => ({ json: [item()] }),
    'POST /api/notifications/n1/claim': ({ body }) => ({
      json: item({
        state: 'claimed',
        claimedBy: person('alice', 'Alice Agent'),
        claimAction: (body as { action: 'call-back' }).action,
      }),
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const { services } = renderWithServices(<UnknownCallersPanel meId="alice" onClaimed={() => {}} />);
  act(() => services.phone.store.getState().setRegistration({ status: 'registered' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Call back' }));
  await waitFor(() => expect(services.phone.call).toHaveBeenCalledWith('+447911123999', { callerId: '+442079460000' }));
  expect(api.calls.find((c) => c.path.endsWith('/claim'))?.body).toEqual({ action: 'call-back' });
});

test('a follow-up shows the conversation; a refused text back says why and keeps what was typed', async () => {
  const mine = item({
    kind: 'text',
    state: 'claimed',
    claimedBy: person('alice', 'Alice Agent'),
    texts: [
      {
        id: 't1',
        direction: 'inbound',
        body: 'Still free?',
        at: Date.now(),
        staff: null,
        companyNumber: '+442079460000',
        remote: '+447911123999',
      },
    ],
  });
  vi.stubGlobal('fetch', fakeApi({ 'GET /api/notifications': () => ({ json: [mine] }) }).fetch);
  const { services } = renderWithServices(<FollowUpsPanel meId="alice" onOpenContact={() => {}} />);
  expect(await screen.findByText('Still free?')).toBeInTheDocument();
  vi.mocked(services.phone.sendText).mockRejectedValueOnce(
    new Error('You may not text this number (claim the caller first).'),
  );
  await userEvent.type(screen.getByLabelText('Text back'), 'Yes it is');
  await userEvent.click(screen.getByRole('button', { name: 'Send text' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('You may not text this number');
  expect(services.phone.sendText).toHaveBeenCalledWith('+447911123999', 'Yes it is');
  expect(screen.getByLabelText('Text back')).toHaveValue('Yes it is');
});
