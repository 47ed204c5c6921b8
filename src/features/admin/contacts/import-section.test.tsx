// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../../test/support/fake-api';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { ImportSection } from './import-section';

afterEach(() => vi.unstubAllGlobals());

const itemTypes = [
  { id: 'it-office', name: 'Office', orderBy: 1 },
  { id: 'it-holiday', name: 'Holiday Home', orderBy: 2 },
];

function serve() {
  const api = fakeApi({
    'GET /api/contact-item-types': () => ({ json: itemTypes }),
    'GET /api/contacts': () => ({ json: [] }),
    'POST /api/contacts/import': () => ({
      json: {
        imported: 2,
        contactIds: ['c1', 'c2'],
        rejected: [{ line: 3, column: 'Phone', message: 'This is not a valid phone number' }],
      },
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

const csv =
  'Name,Phone,Office,Villa,Notes\nAda,+447911000001,+442079460500,+34912345678,vip\nBad,12345,,,\nBob,+447911000002,,,';
const columnSelect = (column: string) =>
  screen.getByRole('combobox', { name: `Import column ${column} as` }) as HTMLSelectElement;

test('pasted CSV: columns are guessed, remapped to an item type, previewed, and imported; bad lines are reported', async () => {
  const api = serve();
  renderWithServices(<ImportSection />);
  await userEvent.click(screen.getByLabelText('CSV text'));
  await userEvent.paste(csv);

  expect(columnSelect('Name').value).toBe('name');
  expect(columnSelect('Phone').value).toBe('primaryPhone');
  expect(columnSelect('Office').value).toBe('type:it-office');
  expect(columnSelect('Villa').value).toBe('ignore');
  await userEvent.selectOptions(columnSelect('Villa'), 'Additional phone: Holiday Home');

  const preview = screen.getByRole('region', { name: 'Import preview' });
  expect(
    within(preview)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Line', 'Name', 'Primary phone', 'Office phone', 'Holiday Home phone']);
  expect(within(preview).getByText('3 rows to import.')).toBeInTheDocument();
  expect(within(preview).getAllByRole('row')[2]).toHaveTextContent('3Bad12345');

  await userEvent.type(screen.getByLabelText('Tags for every row (comma-separated)'), 'spring, import');
  await userEvent.click(screen.getByRole('button', { name: 'Import contacts' }));
  await screen.findByText('Imported 2 contacts.');
  expect(screen.getByText('Line 3 (column Phone): This is not a valid phone number')).toBeInTheDocument();
  expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
    csv,
    mapping: {
      name: 'Name',
      primaryPhone: 'Phone',
      additionalPhones: [
        { column: 'Office', itemTypeId: 'it-office' },
        { column: 'Villa', itemTypeId: 'it-holiday' },
      ],
    },
    defaults: { source: null, primaryAgentId: null, tags: ['spring', 'import'] },
  });
});

test('without a name column nothing can be imported, and the admin is told why', async () => {
  const api = serve();
  renderWithServices(<ImportSection />);
  await userEvent.click(screen.getByLabelText('CSV text'));
  await userEvent.paste('Who,Phone\nAda,+447911000001');
  expect(screen.getByRole('alert')).toHaveTextContent('Choose the column with the name.');
  expect(screen.getByRole('button', { name: 'Import contacts' })).toBeDisabled();
  await userEvent.selectOptions(columnSelect('Who'), 'Name');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Import contacts' })).toBeEnabled();
  expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
});

test('a chosen file is read into the text box', async () => {
  serve();
  renderWithServices(<ImportSection />);
  const file = new File(['Name,Phone\nAda,+447911000001\n'], 'contacts.csv', { type: 'text/csv' });
  await userEvent.upload(screen.getByLabelText('Or choose a CSV file'), file);
  expect(await screen.findByRole('region', { name: 'Import preview' })).toHaveTextContent('1 row to import.');
  expect(screen.getByLabelText('CSV text')).toHaveValue('Name,Phone\nAda,+447911000001\n');
});
