// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithServices } from '../../../test/support/render-with-services';
import { Dialer } from './dialer';
import { RegistrationBadge } from './registration-badge';

test('Call is disabled until the phone is registered, then dials what was typed and pressed', async () => {
  const { services } = renderWithServices(<Dialer />);
  await userEvent.type(screen.getByLabelText('Number or extension'), '10');
  expect(screen.getByRole('button', { name: 'Call' })).toBeDisabled();
  act(() => services.phone.store.getState().setRegistration({ status: 'registered' }));
  await userEvent.click(screen.getByRole('button', { name: '0' }));
  await userEvent.click(screen.getByRole('button', { name: '2' }));
  await userEvent.click(screen.getByRole('button', { name: 'Call' }));
  expect(services.phone.call).toHaveBeenCalledWith('1002');
});

test('a malformed number is refused with a clear message', async () => {
  const { services } = renderWithServices(<Dialer />);
  act(() => services.phone.store.getState().setRegistration({ status: 'registered' }));
  await userEvent.type(screen.getByLabelText('Number or extension'), 'abc');
  await userEvent.click(screen.getByRole('button', { name: 'Call' }));
  expect(screen.getByRole('alert')).toHaveTextContent('Enter an extension or a phone number');
  expect(services.phone.call).not.toHaveBeenCalled();
});

test.each([
  { registration: { status: 'registered' as const }, text: 'Registered' },
  { registration: { status: 'connecting' as const, reason: 'SIP server unreachable' }, text: 'SIP server unreachable' },
  { registration: { status: 'failed' as const, reason: 'Server refused the credentials (403)' }, text: 'Server refused the credentials (403)' },
])('registration status is always shown: $text', ({ registration, text }) => {
  const { services } = renderWithServices(<RegistrationBadge />);
  act(() => services.phone.store.getState().setRegistration(registration));
  expect(screen.getByRole('status')).toHaveTextContent(text);
});
