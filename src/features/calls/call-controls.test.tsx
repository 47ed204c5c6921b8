// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callSnapshot, renderWithServices } from '../../../test/support/render-with-services';
import { CallList } from './call-list';

describe('call list', () => {
  test('a ringing inbound call shows Answer and Decline, and they reach the phone', async () => {
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ringing', startedAt: undefined })));
    expect(screen.getByRole('region', { name: 'Incoming call from Bob Agent' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(services.phone.answer).toHaveBeenCalledWith('call-1');
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(services.phone.decline).toHaveBeenCalledWith('call-1');
  });

  test('a second ringing call during a call is call waiting', () => {
    const { services } = renderWithServices(<CallList />);
    act(() => {
      services.phone.store.getState().addCall(callSnapshot());
      services.phone.store.getState().addCall(
        callSnapshot({
          id: 'call-2',
          status: 'ringing',
          remote: { uri: 'sip:1003@x', user: '1003', displayName: 'Carol' },
        }),
      );
    });
    expect(screen.getByRole('heading', { name: 'Call waiting' })).toBeInTheDocument();
    expect(screen.getByText('Answering puts your current call on hold.')).toBeInTheDocument();
  });

  test('in a call: every control is named by its label and toggles with the call state', async () => {
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot()));
    for (const name of ['Mute', 'Hold', 'Keypad', 'Hang up'])
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.getByLabelText('Call duration')).toHaveTextContent(/0:0\d/);

    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(services.phone.setMuted).toHaveBeenCalledWith('call-1', true);
    act(() => services.phone.store.getState().updateCall('call-1', { muted: true, held: true, status: 'held' }));
    expect(screen.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(services.phone.setHeld).toHaveBeenCalledWith('call-1', false);
    expect(screen.getByText(/On hold/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    await userEvent.click(screen.getByRole('button', { name: '5' }));
    expect(services.phone.sendDtmf).toHaveBeenCalledWith('call-1', '5');
    await userEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(services.phone.hangup).toHaveBeenCalledWith('call-1');
  });

  test('an ended call says why, in words', () => {
    const { services } = renderWithServices(<CallList />);
    act(() => services.phone.store.getState().addCall(callSnapshot({ status: 'ended', endCause: 'busy' })));
    expect(screen.getByText('Call ended: Busy')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument();
  });

  test('a call hung up while on hold reads as ended, not on hold', () => {
    const { services } = renderWithServices(<CallList />);
    act(() =>
      services.phone.store.getState().addCall(callSnapshot({ status: 'ended', held: true, endCause: 'hangup-local' })),
    );
    expect(screen.getByText('Call ended: You hung up')).toBeInTheDocument();
    expect(screen.queryByText(/On hold/)).not.toBeInTheDocument();
  });
});
