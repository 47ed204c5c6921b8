// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/support/fake-api';
import { renderWithServices } from '../../../test/support/render-with-services';
import { Dialer } from './dialer';
import { RegistrationBadge } from './registration-badge';

// radix's Switch measures itself; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    fakeApi({ 'GET /api/me/caller-ids': () => ({ json: { options: [], selected: null, suggestion: null } }) }).fetch,
  );
});
afterEach(() => vi.unstubAllGlobals());

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
  expect(await screen.findByText(/^Enter an extension or a phone number/)).toHaveAttribute('role', 'alert');
  expect(services.phone.call).not.toHaveBeenCalled();
});

test.each([
  { registration: { status: 'registered' as const }, text: 'Registered' },
  { registration: { status: 'connecting' as const, reason: 'SIP server unreachable' }, text: 'SIP server unreachable' },
  {
    registration: { status: 'failed' as const, reason: 'Server refused the credentials (403)' },
    text: 'Server refused the credentials (403)',
  },
])('registration status is always shown: $text', ({ registration, text }) => {
  const { services } = renderWithServices(<RegistrationBadge />);
  act(() => services.phone.store.getState().setRegistration(registration));
  expect(screen.getByRole('status')).toHaveTextContent(text);
});

const option = (numberId: string, number: string, displayName: string, engagementAvailable: boolean) => ({
  numberId,
  number,
  displayName,
  kind: 'standard',
  type: 'local',
  country: 'GB',
  city: 'London',
  engagementAvailable,
  engagementDays: engagementAvailable ? 14 : null,
});
const sales = option('num-sales', '+442071234567', 'Sales line', true);
const lettings = option('num-hours', '+442071234568', 'Lettings', false);

test('a phone number calls the customer with the chosen caller ID; engagement only where the number has it', async () => {
  const api = fakeApi({
    'GET /api/me/caller-ids': () => ({ json: { options: [sales, lettings], selected: 'num-hours', suggestion: null } }),
    'GET /api/me/caller-ids?callee=%2B447911123456': () => ({
      json: {
        options: [sales, lettings],
        selected: 'num-hours',
        suggestion: { numberId: 'num-sales', reason: 'Your engagement with this customer on Sales line, 9 days left' },
      },
    }),
    'PUT /api/me/caller-id': () => ({ json: { options: [sales, lettings], selected: 'num-hours', suggestion: null } }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const { services } = renderWithServices(<Dialer />);
  act(() => services.phone.store.getState().setRegistration({ status: 'registered' }));
  await userEvent.type(screen.getByLabelText('Number or extension'), '+447911123456');
  expect(await screen.findByTestId('caller-id-reason')).toHaveTextContent(
    'Your engagement with this customer on Sales line, 9 days left',
  );
  expect(screen.getByLabelText('Caller ID')).toHaveValue('num-sales');
  await userEvent.click(screen.getByRole('switch'));
  await userEvent.click(screen.getByRole('button', { name: 'Call' }));
  expect(services.phone.callNumber).toHaveBeenLastCalledWith('+447911123456', {
    callerId: '+442071234567',
    engagement: true,
  });
  // The placed call took the number with it: the field is empty for the next one.
  await waitFor(() => expect(screen.getByLabelText('Number or extension')).toHaveValue(''));
  await userEvent.type(screen.getByLabelText('Number or extension'), '+447911123456');

  await userEvent.selectOptions(screen.getByLabelText('Caller ID'), 'num-hours');
  expect(screen.getByRole('switch')).toBeDisabled();
  await userEvent.click(screen.getByRole('button', { name: 'Call' }));
  expect(services.phone.callNumber).toHaveBeenLastCalledWith('+447911123456', {
    callerId: '+442071234568',
    engagement: false,
  });
  expect(api.calls).toContainEqual(
    expect.objectContaining({ method: 'PUT', path: '/api/me/caller-id', body: { numberId: 'num-hours' } }),
  );
  vi.unstubAllGlobals();
});

test('an agent with no number they may present is told why', async () => {
  vi.stubGlobal(
    'fetch',
    fakeApi({ 'GET /api/me/caller-ids': () => ({ json: { options: [], selected: null, suggestion: null } }) }).fetch,
  );
  renderWithServices(<Dialer />);
  expect(await screen.findByText(/You have no number you may present as caller ID/)).toBeInTheDocument();
  vi.unstubAllGlobals();
});
