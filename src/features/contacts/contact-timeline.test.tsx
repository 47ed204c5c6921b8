// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, invalid } from '../../../test/support/fake-api';
import { renderWithServices } from '../../../test/support/render-with-services';
import { ContactTimeline } from './contact-timeline';

const contact = {
  id: 'c1',
  name: 'Rita New',
  primaryPhone: '+447911123904',
  additionalPhones: [],
  primaryAgentId: 'carol',
  source: 'Company line',
  tags: ['company-number'],
  createdAt: 1,
};
const entry = (id: string, kind: string, summary: string, body: string | null = null) => ({
  id,
  contactId: 'c1',
  kind,
  at: Date.UTC(2026, 0, 5, 10),
  staff: null,
  summary,
  body,
  direction: null,
});

afterEach(() => vi.unstubAllGlobals());

test('a contact shows the timeline of calls, texts and claims, and adds a note', async () => {
  let timeline = [
    entry('t2', 'text', 'Text to Acme company number', 'Still free?'),
    entry('t1', 'call', 'Missed call to Acme company number'),
  ];
  const api = fakeApi({
    'GET /api/contacts/c1': () => ({ json: contact }),
    'GET /api/contacts/c1/timeline': () => ({ json: timeline }),
    'POST /api/contacts/c1/notes': ({ body }) => {
      const text = (body as { body: string }).body;
      if (text.trim() === '') return invalid(['body'], 'Write the text');
      timeline = [entry('t3', 'note', 'Note by Carol Agent', text), ...timeline];
      return { status: 201, json: timeline[0] };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithServices(<ContactTimeline id="c1" />);
  const list = await screen.findByRole('list', { name: 'Timeline' });
  expect(await within(list).findByText('Still free?')).toBeInTheDocument();
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-kind')),
  ).toEqual(['text', 'call']);
  expect(await screen.findByText(/Source Company line · tags company-number/)).toBeInTheDocument();

  await userEvent.type(screen.getByLabelText('Add a note'), 'Call after 5pm');
  await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(await within(list).findByText('Call after 5pm')).toBeInTheDocument();
  expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('data-kind', 'note');
});
