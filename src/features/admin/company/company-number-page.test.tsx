// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompanyNumberSettings } from '../../../common/domain/company-number';
import { fakeApi, invalid, type FakeAnswer } from '../../../../test/support/fake-api';
import { renderWithServices } from '../../../../test/support/render-with-services';
import { CompanyNumberPage } from './company-number-page';
import { companyNumber, sixAgents } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

function serve(onSave: (body: CompanyNumberSettings) => FakeAnswer) {
  let current = companyNumber();
  const api = fakeApi({
    'GET /api/numbers': () => ({ json: [current] }),
    'GET /api/staff': () => ({ json: sixAgents }),
    'PUT /api/numbers/num-company/company': ({ body }) => {
      const answer = onSave(body as CompanyNumberSettings);
      if (!answer.status) current = { ...current, company: body as CompanyNumberSettings };
      return answer.status ? answer : { json: current };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

async function confirmSave() {
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
}

test('a blast rings at most five agents: the sixth box cannot be ticked; the blast is saved after confirmation', async () => {
  const api = serve(() => ({}));
  renderWithServices(<CompanyNumberPage />);
  const rule = within(await screen.findByRole('region', { name: 'Default rule' }));
  await userEvent.click(rule.getByRole('radio', { name: 'Blast' }));
  // Switching from "specific user" keeps that agent as the blast's first.
  expect(rule.getByRole('checkbox', { name: 'Agent 1' })).toBeChecked();
  for (const n of [2, 3, 4, 5]) await userEvent.click(rule.getByRole('checkbox', { name: `Agent ${n}` }));
  expect(rule.getByText('5 of 5 chosen')).toBeInTheDocument();
  expect(rule.getByRole('checkbox', { name: 'Agent 6' })).toBeDisabled();

  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
  expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  await confirmSave();
  await screen.findByText('Saved');
  const sent = api.calls.find((c) => c.method === 'PUT')?.body as CompanyNumberSettings;
  expect(sent.defaultRule).toEqual({
    kind: 'blast',
    staffIds: ['staff-1', 'staff-2', 'staff-3', 'staff-4', 'staff-5'],
    ringTimeoutSeconds: 30,
  });
});

test("the server's overlap refusal is shown beside the clashing rule's active hours, and the form stays unsaved", async () => {
  serve((body) =>
    body.customRules.length > 1
      ? invalid(
          ['customRules', 1, 'activeHours'],
          "Overlaps rule 'Weekdays' (Mon, Tue, Wed, Thu, Fri 09:00–17:00); times must not overlap",
        )
      : {},
  );
  renderWithServices(<CompanyNumberPage />);
  await screen.findByRole('region', { name: 'Custom rules' });
  await userEvent.click(screen.getByRole('button', { name: 'Add custom rule' }));
  const added = within(screen.getByRole('group', { name: 'Custom rule 2' }));
  await userEvent.click(added.getByRole('checkbox', { name: 'Mon' }));
  await confirmSave();

  const alert = await added.findByRole('alert');
  expect(alert).toHaveTextContent(/Overlaps rule 'Weekdays'/);
  expect(alert).toHaveAttribute('data-path', 'customRules.1.activeHours');
  expect(within(screen.getByRole('group', { name: 'Custom rule 1' })).queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
  expect(screen.getByText('2 of 10 custom rules')).toBeInTheDocument();
  // The admin lands on what to fix: the clashing rule's active hours.
  await waitFor(() =>
    expect(screen.getByRole('group', { name: 'Custom rule 2' }).contains(document.activeElement)).toBe(true),
  );
});

test('another number: a bad phone number is refused beside the field', async () => {
  serve((body) =>
    body.defaultRule.kind === 'number' ? invalid(['defaultRule', 'number'], 'This is not a valid phone number') : {},
  );
  renderWithServices(<CompanyNumberPage />);
  const rule = within(await screen.findByRole('region', { name: 'Default rule' }));
  await userEvent.click(rule.getByRole('radio', { name: 'Another number' }));
  await userEvent.type(rule.getByLabelText('Phone number'), '+44 12');
  await confirmSave();
  expect(await rule.findByRole('alert')).toHaveTextContent('This is not a valid phone number');
});
