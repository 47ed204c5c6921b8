// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, invalid } from '../../../../test/support/fake-api';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { mainNumber, sixAgents } from '../company/test-fixtures';
import { MainNumberPage } from './main-number-page';

afterEach(() => vi.unstubAllGlobals());

function serve() {
  let current = mainNumber();
  const api = fakeApi({
    'GET /api/numbers': () => ({ json: [current] }),
    'GET /api/staff': () => ({ json: sixAgents }),
    'GET /api/org/business-hours': () => ({
      json: {
        businessHours: { timeZone: 'Europe/London', windows: [{ days: ['mon'], start: '09:00', end: '17:00' }] },
        updatedAt: null,
        updatedBy: null,
      },
    }),
    'PUT /api/numbers/num-main/main': ({ body }) => {
      const b = body as typeof current.main;
      if (b.outOfHours.huntGroup.ringSeconds < 5)
        return invalid(['outOfHours', 'huntGroup', 'ringSeconds'], 'Ring for at least 5 seconds');
      current = { ...current, main: { ...current.main, ...b } };
      return { json: current };
    },
    'POST /api/numbers/num-main/main/reset-pin': () => {
      current = { ...current, main: { ...current.main, pinIsDefault: true } };
      return { json: current };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

test('the PIN is reset only after confirmation, and only whether it is the default is ever shown', async () => {
  const api = serve();
  renderWithServices(<MainNumberPage />);
  const pin = within(await screen.findByRole('region', { name: 'Voicemail PIN' }));
  expect(pin.getByText('It has been changed from the default.')).toBeInTheDocument();
  await userEvent.click(pin.getByRole('button', { name: 'Reset to default' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
  expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

  await userEvent.click(pin.getByRole('button', { name: 'Reset to default' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Reset PIN' }));
  await pin.findByText('PIN reset to the default');
  expect(pin.getByText('It is the default PIN.')).toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/0000/);
});

test('the branches are saved without the PIN; a refused ring time is shown beside its field', async () => {
  const api = serve();
  renderWithServices(<MainNumberPage />);
  const outOfHours = within(await screen.findByRole('region', { name: 'Out of hours' }));
  await userEvent.click(outOfHours.getByRole('checkbox', { name: 'Agent 4' }));
  await userEvent.clear(outOfHours.getByLabelText(/^Hunt group ring time/));
  await userEvent.type(outOfHours.getByLabelText(/^Hunt group ring time/), '2');
  await userEvent.click(outOfHours.getByRole('radio', { name: 'Main reception' }));
  await userEvent.selectOptions(outOfHours.getByLabelText('Reception staff member'), 'Agent 5 (ext. 1005)');
  await userEvent.click(outOfHours.getByLabelText('Greeting shown to whoever answers'));
  await userEvent.paste('After hours: take a message');
  const main = within(screen.getByRole('region', { name: 'Save main number settings' }));
  await userEvent.click(main.getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
  expect(await outOfHours.findByRole('alert')).toHaveTextContent('Ring for at least 5 seconds');

  await userEvent.clear(outOfHours.getByLabelText(/^Hunt group ring time/));
  await userEvent.type(outOfHours.getByLabelText(/^Hunt group ring time/), '25');
  await userEvent.click(main.getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
  await main.findByText('Saved');
  const puts = api.calls.filter((c) => c.method === 'PUT');
  expect(puts.at(-1)?.body).toEqual({
    state: 'active',
    inHours: mainNumber().main.inHours,
    outOfHours: {
      huntGroup: { staffIds: ['staff-4'], ringSeconds: 25 },
      then: { kind: 'main-reception', staffId: 'staff-5', greeting: 'After hours: take a message', ringSeconds: 30 },
    },
  });
});
