// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, invalid } from '../../../test/support/fake-api';
import { renderWithServices } from '../../../test/support/render-with-services';
import { ChangePasswordDialog } from './change-password-dialog';

afterEach(() => vi.unstubAllGlobals());

const credentials = {
  username: '1:1001',
  password: 'p',
  uri: 'sip:1001@x',
  displayName: 'Alice',
  domain: 'x',
  wsUrl: 'ws://x',
  expiresAt: 1,
};

async function fill(current: string, next: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  await userEvent.type(screen.getByLabelText('Current password'), current);
  await userEvent.type(screen.getByLabelText(/New password/), next);
  await userEvent.click(screen.getAllByRole('button', { name: 'Change password' }).at(-1)!);
}

test("a refused new password shows the server's reason beside the field", async () => {
  const api = fakeApi({
    'POST /api/auth/password': () => invalid(['newPassword'], 'That password is too common: choose another'),
  });
  vi.stubGlobal('fetch', api.fetch);
  const { services } = renderWithServices(<ChangePasswordDialog hasPhone />);
  await fill('switchboard', 'password1234');
  expect(await screen.findByText('That password is too common: choose another')).toBeInTheDocument();
  expect(services.phone.updateCredentials).not.toHaveBeenCalled();
});

test('a changed password says so and gives the phone fresh SIP credentials', async () => {
  const api = fakeApi({
    'POST /api/auth/password': () => ({ status: 204 }),
    'GET /api/sip/credentials': () => ({ json: credentials }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const { services } = renderWithServices(<ChangePasswordDialog hasPhone />);
  await fill('switchboard', 'tidal-copper-lantern');
  expect(await screen.findByRole('status')).toHaveTextContent('Password changed');
  expect(api.calls[0]).toMatchObject({
    method: 'POST',
    path: '/api/auth/password',
    body: { currentPassword: 'switchboard', newPassword: 'tidal-copper-lantern' },
  });
  expect(services.phone.updateCredentials).toHaveBeenCalledWith(credentials);
});
