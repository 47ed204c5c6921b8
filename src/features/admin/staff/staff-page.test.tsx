// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, type FakeAnswer } from '../../../../test/support/fake-api';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { sixAgents } from '../company/test-fixtures';
import { StaffPage } from './staff-page';

afterEach(() => vi.unstubAllGlobals());

const conflict = (path: string, message: string): FakeAnswer => ({
  status: 409,
  json: { error: { code: 'CONFLICT', message: `${path}: ${message}`, path: [path] } },
});

test('a new staff member: the server refusal is shown beside the field; the fixed form is sent with a null extension when blank', async () => {
  const staff = [...sixAgents];
  const api = fakeApi({
    'GET /api/staff': () => ({ json: staff }),
    'POST /api/staff': ({ body }) => {
      const b = body as { email: string; name: string };
      if (b.email === 'agent1@acme.test') return conflict('email', 'that email address is already in use');
      const added = { id: 'staff-new', role: 'agent' as const, extension: null, ...b };
      staff.push(added);
      return { status: 201, json: added };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithServices(<StaffPage />);
  await userEvent.click(await screen.findByRole('button', { name: 'Add staff member' }));
  const form = within(screen.getByRole('form', { name: 'Add staff member' }));
  await userEvent.type(form.getByLabelText('Name'), 'Erin Agent');
  await userEvent.type(form.getByLabelText(/^Email/), 'agent1@acme.test');
  await userEvent.selectOptions(form.getByLabelText('Role'), 'Supervisor');
  await userEvent.type(form.getByLabelText('Initial password'), 'correct horse');
  await userEvent.click(form.getByRole('button', { name: 'Add staff member' }));
  const alert = await form.findByRole('alert');
  expect(alert).toHaveTextContent('that email address is already in use');
  expect(alert.closest('label')).toHaveTextContent(/^Email/);

  await userEvent.clear(form.getByLabelText(/^Email/));
  await userEvent.type(form.getByLabelText(/^Email/), 'erin@acme.test');
  await userEvent.click(form.getByRole('button', { name: 'Add staff member' }));
  await screen.findByRole('cell', { name: 'Erin Agent' });
  expect(api.calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
    name: 'Erin Agent',
    email: 'erin@acme.test',
    role: 'supervisor',
    extension: null,
    password: 'correct horse',
  });
});

test('editing sends only what changed', async () => {
  const api = fakeApi({
    'GET /api/staff': () => ({ json: sixAgents }),
    'PATCH /api/staff/staff-2': () => ({ json: { ...sixAgents[1], extension: '2002' } }),
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithServices(<StaffPage />);
  const row = () => within(document.querySelector('tr[data-staff="staff-2"]') as HTMLElement);
  await userEvent.click((await screen.findAllByRole('button', { name: 'Edit' }))[1]!);
  await userEvent.clear(row().getByLabelText('Extension'));
  await userEvent.type(row().getByLabelText('Extension'), '2002');
  await userEvent.click(row().getByRole('button', { name: 'Save' }));
  await row().findByRole('button', { name: 'Edit' });
  expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ extension: '2002' });
});
