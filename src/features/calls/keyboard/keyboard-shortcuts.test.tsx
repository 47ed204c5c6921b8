// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callSnapshot, renderWithServices } from '../../../../test/support/render-with-services';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { DIALER_INPUT_ID } from './use-phone-shortcuts';

function Page() {
  return (
    <>
      <label>
        Number or extension
        <input id={DIALER_INPUT_ID} />
      </label>
      <label>
        Note
        <textarea />
      </label>
      <KeyboardShortcuts />
    </>
  );
}

const ringing = () => callSnapshot({ id: 'ring-1', status: 'ringing', startedAt: undefined });

describe('keyboard shortcuts', () => {
  test('A answers and D declines the ringing call', async () => {
    const { services } = renderWithServices(<Page />);
    act(() => services.phone.store.getState().addCall(ringing()));
    await userEvent.keyboard('a');
    expect(services.phone.answer).toHaveBeenCalledWith('ring-1');
    await userEvent.keyboard('d');
    expect(services.phone.decline).toHaveBeenCalledWith('ring-1');
  });

  test('M mutes, H holds, E hangs up the call in progress; H on a held call resumes it', async () => {
    const { services } = renderWithServices(<Page />);
    act(() => services.phone.store.getState().addCall(callSnapshot()));
    await userEvent.keyboard('m');
    expect(services.phone.setMuted).toHaveBeenLastCalledWith('call-1', true);
    await userEvent.keyboard('h');
    expect(services.phone.setHeld).toHaveBeenLastCalledWith('call-1', true);
    act(() => services.phone.store.getState().updateCall('call-1', { status: 'held', held: true, muted: true }));
    await userEvent.keyboard('h');
    expect(services.phone.setHeld).toHaveBeenLastCalledWith('call-1', false);
    await userEvent.keyboard('M');
    expect(services.phone.setMuted).toHaveBeenLastCalledWith('call-1', false);
    await userEvent.keyboard('e');
    expect(services.phone.hangup).toHaveBeenCalledWith('call-1');
  });

  test('/ goes to the dialer’s number field, and the letters typed there are the number, not shortcuts', async () => {
    const { services } = renderWithServices(<Page />);
    act(() => services.phone.store.getState().addCall(ringing()));
    await userEvent.keyboard('/');
    const field = screen.getByLabelText('Number or extension');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('');
    await userEvent.keyboard('adeh');
    expect(field).toHaveValue('adeh');
    await userEvent.type(screen.getByLabelText('Note'), 'a memo');
    expect(services.phone.answer).not.toHaveBeenCalled();
    expect(services.phone.decline).not.toHaveBeenCalled();
    expect(services.phone.hangup).not.toHaveBeenCalled();
  });

  test('with Ctrl, Cmd or Alt held a key belongs to the browser', async () => {
    const { services } = renderWithServices(<Page />);
    act(() => services.phone.store.getState().addCall(ringing()));
    await userEvent.keyboard('{Control>}a{/Control}{Meta>}d{/Meta}{Alt>}a{/Alt}');
    expect(services.phone.answer).not.toHaveBeenCalled();
    expect(services.phone.decline).not.toHaveBeenCalled();
  });

  test('? lists every shortcut in a dialog; while it is open keys do nothing; Escape closes it', async () => {
    const { services } = renderWithServices(<Page />);
    act(() => services.phone.store.getState().addCall(ringing()));
    await userEvent.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const what of [
      'Answer the ringing call',
      'Decline the ringing call',
      'End the call (hang up)',
      'Mute or unmute',
      'Hold or resume',
      'Go to the number field of the dialer',
    ]) {
      expect(dialog).toHaveTextContent(what);
    }
    await userEvent.keyboard('a');
    expect(services.phone.answer).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await userEvent.keyboard('a');
    expect(services.phone.answer).toHaveBeenCalledWith('ring-1');
  });

  test('the help is also a button, reachable by Tab', async () => {
    renderWithServices(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
