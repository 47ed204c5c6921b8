// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Greeting } from '../../../common/api/voicemail';
import { fakeApi, invalid } from '../../../../test/support/fake-api';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { GreetingsPage } from './greetings-page';

const spoken: Greeting = {
  id: 'g-1',
  name: 'Bookings greeting',
  source: 'text',
  text: 'Thanks for calling',
  durationMs: 3000,
  createdAt: 0,
};

test('greetings are listed; a typed greeting is sent as text and a refusal is shown beside its field', async () => {
  let list = [spoken];
  const api = fakeApi({
    'GET /api/numbers/greetings': () => ({ json: list }),
    'POST /api/numbers/greetings': ({ body }) => {
      const input = body as { name: string; text: string };
      if (input.text === '') return invalid(['text'], 'Type what the greeting says');
      const created = {
        id: 'g-2',
        name: input.name,
        source: 'text' as const,
        text: input.text,
        durationMs: 2000,
        createdAt: 1,
      };
      list = [...list, created];
      return { status: 201, json: created };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithServices(<GreetingsPage />);
  await screen.findByText('Bookings greeting');
  const form = within(screen.getByRole('form', { name: 'Type a greeting' }));
  await userEvent.type(form.getByLabelText('Name'), 'Evening');
  await userEvent.click(form.getByRole('button', { name: 'Create spoken greeting' }));
  expect(await form.findByRole('alert')).toHaveTextContent('Type what the greeting says');
  await userEvent.type(form.getByLabelText('What it says'), 'We are closed');
  await userEvent.click(form.getByRole('button', { name: 'Create spoken greeting' }));
  await screen.findByText('Evening');
  expect(api.calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ name: 'Evening', text: 'We are closed' });
  vi.unstubAllGlobals();
});
