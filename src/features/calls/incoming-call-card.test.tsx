// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { callSnapshot, renderWithServices } from '../../../test/support/render-with-services';
import { staffQuery } from '../admin/staff/staff-api';
import { CallList } from './call-list';
import { offersActions } from './offers-store';

const offer = (patch = {}) => ({
  sipCallId: 'sip-1',
  number: { id: 'n', number: '+442071234567', displayName: 'Sales line' },
  caller: { number: '+447700900123', name: null, known: false },
  reason: 'alternative routing, destination 1 of 2, round robin',
  offeredAt: 0,
  ringSeconds: 20,
  ...patch,
});

afterEach(() => {
  document.title = 'Switchboard';
});

describe('an incoming call cannot be missed', () => {
  test('focus moves to Answer as it starts ringing', () => {
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing', startedAt: undefined })));
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus();
  });

  test('but not while the agent is typing: what they type never answers a call', () => {
    const input = document.body.appendChild(document.createElement('input'));
    input.focus();
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing', startedAt: undefined })));
    expect(input).toHaveFocus();
    input.remove();
  });

  test('the reason reads as a person would say it, the number in the agent’s format, and the ring counts down', () => {
    const { services } = renderWithServices(<CallList />);
    act(() => {
      offersActions.offered(services.offers, offer());
      services.phone.store
        .getState()
        .addCall(callSnapshot({ status: 'ringing', sipCallId: 'sip-1', createdAt: Date.now(), startedAt: undefined }));
    });
    const card = screen.getByRole('region', { name: 'Incoming call from 07700 900123' });
    expect(card).toHaveTextContent('unknown caller');
    expect(screen.getByTestId('route-reason')).toHaveTextContent("You're next on the Sales line rota");
    expect(screen.getByTestId('route-reason')).toHaveAttribute(
      'title',
      'alternative routing, destination 1 of 2, round robin',
    );
    expect(screen.getByTestId('called-number')).toHaveTextContent('Sales line (020 7123 4567)');
    expect(screen.getByLabelText('Time left to answer')).toHaveTextContent(/^0:(20|19)$/);
  });

  test('the tab title and icon flash while it rings, and come back after', () => {
    const icon = document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'icon' }));
    icon.setAttribute('href', '/favicon.svg');
    document.title = 'Switchboard';
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing', startedAt: undefined })));
    expect(document.title).toBe('Incoming call: Bob Agent');
    expect(icon.getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
    act(() => services.phone.store.getState().endCall('call-1', 'cancelled'));
    expect(document.title).toBe('Switchboard');
    expect(icon.getAttribute('href')).toBe('/favicon.svg');
    icon.remove();
  });

  test('a screen opened while it rings keeps its own title once the ringing stops', () => {
    document.title = 'Keypad · Switchboard';
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing', startedAt: undefined })));
    expect(document.title).toBe('Incoming call: Bob Agent');
    document.title = 'Team · Switchboard';
    act(() => services.phone.store.getState().endCall('call-1', 'cancelled'));
    expect(document.title).toBe('Team · Switchboard');
  });
});

describe('both ends of a call between agents name each other the same way', () => {
  test('the caller’s card names the teammate by the extension they dialled', () => {
    const { services } = renderWithServices(<CallList />);
    services.queryClient.setQueryData(staffQuery.queryKey, [
      { id: 'bob', name: 'Bob Agent', email: 'bob@x', role: 'agent', extension: '1002' },
    ]);
    act(() =>
      services.phone.store.getState().addCall(
        callSnapshot({
          direction: 'outbound',
          status: 'dialing',
          remote: { uri: 'sip:1002@x', user: '1002', displayName: '' },
        }),
      ),
    );
    expect(screen.getByRole('heading', { name: 'Bob Agent (1002)' })).toBeInTheDocument();
  });

  test('an extension nobody has says so when the call fails; a teammate who is signed out, too', () => {
    const { services } = renderWithServices(<CallList />);
    services.queryClient.setQueryData(staffQuery.queryKey, [
      { id: 'bob', name: 'Bob Agent', email: 'bob@x', role: 'agent', extension: '1002' },
    ]);
    act(() => {
      const store = services.phone.store.getState();
      store.addCall(
        callSnapshot({
          id: 'x',
          direction: 'outbound',
          status: 'dialing',
          remote: { uri: 'sip:1099@x', user: '1099', displayName: '' },
        }),
      );
      store.addCall(
        callSnapshot({
          id: 'y',
          direction: 'outbound',
          status: 'dialing',
          remote: { uri: 'sip:1002@x', user: '1002', displayName: '' },
        }),
      );
      store.endCall('x', 'not-found');
      store.endCall('y', 'not-found');
    });
    expect(screen.getByText('Call ended: There is no extension 1099')).toBeInTheDocument();
    expect(screen.getByText('Call ended: Bob Agent is not signed in to their phone')).toBeInTheDocument();
  });

  test('a hold the other side refuses is shown, and the call goes on', () => {
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ holdRefused: true })));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Hold did not work: the other side refused it. The call goes on as before.',
    );
  });

  test('a held call that is hung up reads as ended by you, not on hold', () => {
    const { services } = renderWithServices(<CallList />);
    act(() => {
      services.phone.store.getState().addCall(callSnapshot({ status: 'held', held: true }));
      services.phone.store.getState().endCall('call-1', 'hangup-local');
    });
    expect(screen.getByText('Call ended: You hung up')).toBeInTheDocument();
    expect(screen.queryByText(/On hold/)).not.toBeInTheDocument();
  });
});
