// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { NumberDetails } from './number-details';
import { fakeApi } from '../../../../test/support/fake-api';
import { percentageNumber, salesNumber, staffList } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

type Standard = ReturnType<typeof salesNumber>;

/** Serves the number as it stands; a save handler returns the new state, which later reads see. */
function serve(
  number: Standard,
  saves: Record<string, (body: unknown, current: Standard) => { status?: number; json: unknown }> = {},
) {
  let current = number;
  const routes = Object.fromEntries(
    Object.entries(saves).map(([route, save]) => [
      route,
      ({ body }: { body: unknown }) => {
        const answer = save(body, current);
        if (!answer.status) current = answer.json as Standard;
        return answer;
      },
    ]),
  );
  const api = fakeApi({
    [`GET /api/numbers/${number.id}`]: () => ({ json: current }),
    [`GET /api/numbers/${number.id}/changes`]: () => ({ json: [] }),
    'GET /api/staff': () => ({ json: staffList }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

const routingSection = () => screen.getByRole('region', { name: 'Routing settings' });
const rows = () => within(routingSection()).getAllByRole('group', { name: /^Destination \d$/ });
const chosenStaff = () => rows().map((row) => (within(row).getByLabelText('Staff member') as HTMLSelectElement).value);

/** The page's one save bar. */
const saveBar = () => screen.getByRole('region', { name: 'Save number settings' });

async function confirmSave() {
  await userEvent.click(within(saveBar()).getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
}

test('Move up / Move down reorder the alternative destinations, and the new order is what is saved', async () => {
  const number = salesNumber();
  const api = serve(number, {
    'PUT /api/numbers/num-sales/routing': (body, now) => ({ json: { ...now, routing: body } }),
  });
  renderWithServices(<NumberDetails id="num-sales" onBack={() => {}} />);
  await screen.findByRole('region', { name: 'Routing settings' });
  expect(chosenStaff()).toEqual(['staff-alice', 'staff-bob', 'staff-carol']);

  await userEvent.click(within(rows()[0]!).getByRole('button', { name: 'Move down' }));
  expect(chosenStaff()).toEqual(['staff-bob', 'staff-alice', 'staff-carol']);
  await userEvent.click(within(rows()[2]!).getByRole('button', { name: 'Move up' }));
  expect(chosenStaff()).toEqual(['staff-bob', 'staff-carol', 'staff-alice']);
  expect(within(rows()[0]!).getByRole('button', { name: 'Move up' })).toBeDisabled();

  await confirmSave();
  await within(saveBar()).findByText('Saved');
  const put = api.calls.find((c) => c.method === 'PUT');
  expect((put?.body as typeof number.routing).rule).toMatchObject({
    destinations: [
      { destination: { staffId: 'staff-bob' } },
      { destination: { staffId: 'staff-carol' } },
      { destination: { staffId: 'staff-alice' } },
    ],
  });
});

test('dragging a destination onto another row moves it there', async () => {
  serve(salesNumber());
  renderWithServices(<NumberDetails id="num-sales" onBack={() => {}} />);
  await screen.findByRole('region', { name: 'Routing settings' });
  const items = screen.getAllByTestId('alternative-destination');
  const dataTransfer = { setData: vi.fn(), getData: vi.fn(), effectAllowed: '' };
  fireEvent.dragStart(items[2]!.querySelector('.drag-handle')!, { dataTransfer });
  fireEvent.dragOver(items[0]!, { dataTransfer });
  fireEvent.drop(items[0]!, { dataTransfer });
  expect(chosenStaff()).toEqual(['staff-carol', 'staff-alice', 'staff-bob']);
});

test('alternative routing stops at five destinations, and at one with voicemail on', async () => {
  serve(salesNumber());
  renderWithServices(<NumberDetails id="num-sales" onBack={() => {}} />);
  await screen.findByRole('region', { name: 'Routing settings' });
  const add = within(routingSection()).getByRole('button', { name: 'Add destination' });
  await userEvent.click(add);
  await userEvent.click(add);
  expect(rows()).toHaveLength(5);
  expect(add).toBeDisabled();
  expect(within(routingSection()).getByText('5 of 5 destinations')).toBeInTheDocument();
  await userEvent.click(within(routingSection()).getByRole('switch', { name: 'Voicemail' }));
  expect(within(routingSection()).getByText(/voicemail on: one destination only/)).toBeInTheDocument();
});

test('percentage weights show their live total; the refusal shows beside the list, takes focus there, and nothing is sent or marked saved', async () => {
  const number = percentageNumber();
  const api = serve(number, {
    'PUT /api/numbers/num-support/routing': () => ({
      status: 400,
      json: {
        error: {
          code: 'INVALID_INPUT',
          message: 'rule.destinations: Weights must add up to 100 (now 90)',
          path: ['rule', 'destinations'],
        },
      },
    }),
  });
  renderWithServices(<NumberDetails id="num-support" onBack={() => {}} />);
  await screen.findByRole('region', { name: 'Routing settings' });
  expect(within(routingSection()).getByText('Total: 100%')).toBeInTheDocument();

  const weight = within(rows()[1]!).getByLabelText('Weight (%)');
  await userEvent.clear(weight);
  await userEvent.type(weight, '30');
  expect(within(routingSection()).getByText('Total: 90% (must be 100%)')).toBeInTheDocument();

  await confirmSave();
  const alert = await within(routingSection()).findByRole('alert');
  expect(alert).toHaveTextContent('Weights must add up to 100');
  expect(alert).toHaveAttribute('data-path', 'rule.destinations');
  expect(within(saveBar()).queryByText('Saved')).not.toBeInTheDocument();
  expect(within(saveBar()).getByText('Unsaved changes')).toBeInTheDocument();
  // Checked with the server's own rules first: nothing half-saved, nothing sent.
  expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  expect(alert.closest('fieldset')?.contains(document.activeElement)).toBe(true);
});

test('engagement is not offered on a toll-free number, with the reason', async () => {
  serve(percentageNumber());
  renderWithServices(<NumberDetails id="num-support" onBack={() => {}} />);
  const engagement = await screen.findByRole('region', { name: 'Engagement' });
  expect(within(engagement).getByRole('switch', { name: 'Engagement mode' })).toBeDisabled();
  expect(within(engagement).getByText(/only available on local numbers/)).toBeInTheDocument();
  expect(screen.getAllByRole('button', { name: 'Save' })).toHaveLength(1);
});

test('saving the display name asks first, then refreshes the number and says Saved', async () => {
  const api = serve(salesNumber(), {
    'PATCH /api/numbers/num-sales/basic': (body, now) => ({
      json: { ...now, ...(body as { displayName: string }), updatedAt: now.updatedAt + 1000 },
    }),
  });
  renderWithServices(<NumberDetails id="num-sales" onBack={() => {}} />);
  const basic = await screen.findByRole('region', { name: 'Basic information' });
  const name = within(basic).getByLabelText('Display name');
  await userEvent.clear(name);
  await userEvent.type(name, 'Sales desk');
  await userEvent.click(within(saveBar()).getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
  expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);

  await confirmSave();
  await within(saveBar()).findByText('Saved');
  // Only what changed is sent: the routing was not touched.
  expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ displayName: 'Sales desk' });
  await waitFor(() => expect(api.calls.filter((c) => c.path === '/api/numbers/num-sales/changes')).toHaveLength(2));
});
