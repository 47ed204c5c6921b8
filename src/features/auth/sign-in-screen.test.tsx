// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithServices } from '../../../test/support/render-with-services';
import { SignInScreen } from './sign-in-screen';

afterEach(() => vi.unstubAllGlobals());

test("a wrong password shows the server's message and keeps the form", async () => {
  const fetchMock = vi.fn(
    async () =>
      new Response(JSON.stringify({ error: { code: 'BAD_CREDENTIALS', message: 'Wrong email or password.' } }), {
        status: 401,
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  renderWithServices(<SignInScreen />);
  await userEvent.type(screen.getByLabelText('Email'), 'alice@acme.test');
  await userEvent.type(screen.getByLabelText('Password'), 'nope');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  expect(fetchMock).toHaveBeenCalledWith(
    '/api/auth/login',
    expect.objectContaining({ method: 'POST', body: JSON.stringify({ email: 'alice@acme.test', password: 'nope' }) }),
  );
});

test('a successful sign-in stores who is signed in', async () => {
  const me = {
    id: 's1',
    orgId: 'o1',
    orgName: 'Acme',
    name: 'Alice',
    email: 'alice@acme.test',
    role: 'agent',
    extension: '1001',
    country: 'GB',
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(me), { status: 200 })),
  );
  const { services } = renderWithServices(<SignInScreen />);
  await userEvent.type(screen.getByLabelText('Email'), 'alice@acme.test');
  await userEvent.type(screen.getByLabelText('Password'), 'switchboard');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await vi.waitFor(() => expect(services.queryClient.getQueryData(['me'])).toEqual(me));
});
