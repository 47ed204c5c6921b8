// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, invalid } from '../../../../test/support/fake-api';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { PresenceSettingsPage } from './presence-settings-page';

test('wrap-up is saved, a refused value is explained beside its field; reasons are added, renamed and removed', async () => {
  let view = { wrapUpSeconds: 20, awayReasons: [{ id: 'r1', name: 'Lunch' }], updatedAt: null, updatedBy: null };
  const api = fakeApi({
    'GET /api/org/presence-settings': () => ({ json: view }),
    'PUT /api/org/presence-settings/wrap-up': ({ body }) => {
      const { wrapUpSeconds } = body as { wrapUpSeconds: number };
      if (wrapUpSeconds > 600) return invalid(['wrapUpSeconds'], 'Wrap-up can be at most 600 seconds');
      return { json: (view = { ...view, wrapUpSeconds }) };
    },
    'POST /api/org/away-reasons': ({ body }) => ({
      status: 201,
      json: (view = {
        ...view,
        awayReasons: [...view.awayReasons, { id: 'r2', name: (body as { name: string }).name }],
      }),
    }),
    'PATCH /api/org/away-reasons/r1': ({ body }) => ({
      json: (view = {
        ...view,
        awayReasons: view.awayReasons.map((r) => (r.id === 'r1' ? { ...r, name: (body as { name: string }).name } : r)),
      }),
    }),
    'DELETE /api/org/away-reasons/r2': () => ({
      json: (view = { ...view, awayReasons: view.awayReasons.filter((r) => r.id !== 'r2') }),
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithServices(<PresenceSettingsPage />);
  const wrapUp = within(await screen.findByRole('form', { name: 'Wrap-up' }));
  const seconds = wrapUp.getByLabelText('Wrap-up seconds');
  await userEvent.clear(seconds);
  await userEvent.type(seconds, '900');
  await userEvent.click(wrapUp.getByRole('button', { name: 'Save wrap-up' }));
  expect(await wrapUp.findByRole('alert')).toHaveTextContent('Wrap-up can be at most 600 seconds');
  await userEvent.clear(seconds);
  await userEvent.type(seconds, '0');
  await userEvent.click(wrapUp.getByRole('button', { name: 'Save wrap-up' }));
  expect(await wrapUp.findByText('Saved.')).toBeInTheDocument();
  expect(api.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
    { wrapUpSeconds: 900 },
    { wrapUpSeconds: 0 },
  ]);

  await userEvent.type(screen.getByLabelText('New reason'), 'Training');
  await userEvent.click(screen.getByRole('button', { name: 'Add reason' }));
  expect(await screen.findByRole('button', { name: 'Remove Training' })).toBeInTheDocument();
  const lunch = screen.getByLabelText('Name of Lunch');
  await userEvent.clear(lunch);
  await userEvent.type(lunch, 'Lunch break');
  await userEvent.click(screen.getAllByRole('button', { name: 'Rename' })[0]!);
  expect(await screen.findByRole('button', { name: 'Remove Lunch break' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Remove Training' }));
  await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Training' })).toBeNull());
});
