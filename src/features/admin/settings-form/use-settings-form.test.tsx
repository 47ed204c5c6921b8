// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiRequestError } from '../../../common/api-request-error';
import { FieldError } from '../../../components/ui/field-error';
import { clearToasts, toasts } from '../../../components/ui/toast-store';
import { SettingsSaveBar } from './settings-save-bar';
import { SettingsSection } from './settings-section';
import { hasUnsavedChanges, requestLeave } from './unsaved-changes';
import { UnsavedChangesDialog } from './unsaved-changes-dialog';
import { useSettingsForm } from './use-settings-form';

type Settings = { name: string; days: number };
const refuse = (path: string[], message: string) => new ApiRequestError(400, { code: 'INVALID_INPUT', message, path });

function Form({ saved, save }: { saved: Settings; save: (d: Settings) => Promise<Settings> }) {
  const form = useSettingsForm({ saved, save, fromSaved: (v: Settings) => v });
  return (
    <div ref={(el) => void (form.formRef.current = el)}>
      <SettingsSection id="name-title" title="Name" summary={form.draft.name} defaultOpen>
        <label>
          Name
          <input value={form.draft.name} onChange={(e) => form.setDraft((d) => ({ ...d, name: e.target.value }))} />
          <FieldError error={form.error} path={['name']} />
        </label>
      </SettingsSection>
      <SettingsSection id="days-title" title="Days" summary={`${form.draft.days} days`}>
        <label>
          Days
          <input
            type="number"
            value={form.draft.days}
            onChange={(e) => form.setDraft((d) => ({ ...d, days: Number(e.target.value) }))}
          />
          <FieldError error={form.error} path={['days']} />
        </label>
      </SettingsSection>
      <SettingsSaveBar form={form} what="test settings" description="Applies at once." shown={[['name'], ['days']]} />
    </div>
  );
}

function Page({
  save,
  initial = { name: 'Sales', days: 7 },
}: {
  save: (d: Settings) => Promise<Settings>;
  initial?: Settings;
}) {
  const [open, setOpen] = useState(true);
  const [saved, setSaved] = useState(initial);
  return (
    <>
      <UnsavedChangesDialog />
      <button onClick={() => requestLeave(() => setOpen(false))}>Leave page</button>
      <button onClick={() => setSaved({ ...saved, name: 'Changed elsewhere' })}>Another admin saves</button>
      {open ? (
        <Form
          saved={saved}
          save={async (d) => {
            // As the query cache does: the server's answer is what is saved now.
            const answer = await save(d);
            setSaved(answer);
            return answer;
          }}
        />
      ) : (
        <p>Left</p>
      )}
    </>
  );
}

const nameField = () => screen.getByRole('textbox', { name: 'Name' });
const bar = () => screen.getByRole('region', { name: 'Save test settings' });
async function saveNow() {
  await userEvent.click(within(bar()).getByRole('button', { name: 'Save' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
}

afterEach(async () => {
  // Each test leaves nothing unsaved behind for the next.
  await waitFor(() => expect(hasUnsavedChanges()).toBe(false));
  clearToasts();
});

test('an edit makes the page unsaved: Save asks, saves the draft, and the bar says Saved', async () => {
  const save = vi.fn(async (d: Settings) => ({ ...d, name: d.name.trim() }));
  render(<Page save={save} />);
  expect(within(bar()).getByRole('button', { name: 'Save' })).toBeDisabled();
  await userEvent.type(nameField(), ' desk ');
  expect(within(bar()).getByText('Unsaved changes')).toBeInTheDocument();
  expect(hasUnsavedChanges()).toBe(true);
  await saveNow();
  expect(save).toHaveBeenCalledWith({ name: 'Sales desk ', days: 7 });
  await within(bar()).findByText('Saved');
  expect(nameField()).toHaveValue('Sales desk');
  expect(hasUnsavedChanges()).toBe(false);
  expect(toasts.getState().list).toMatchObject([
    { tone: 'success', title: 'Saved', body: 'The test settings apply now.' },
  ]);
});

test('leaving with unsaved edits asks first: Stay keeps them, Leave without saving drops them', async () => {
  render(<Page save={async (d) => d} />);
  await userEvent.type(nameField(), ' desk');
  await userEvent.click(screen.getByRole('button', { name: 'Leave page' }));
  const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
  await userEvent.click(within(ask).getByRole('button', { name: 'Stay' }));
  expect(nameField()).toHaveValue('Sales desk');
  await userEvent.click(screen.getByRole('button', { name: 'Leave page' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));
  expect(screen.getByText('Left')).toBeInTheDocument();
});

test('with nothing unsaved, leaving asks nothing', async () => {
  render(<Page save={async (d) => d} />);
  await userEvent.click(screen.getByRole('button', { name: 'Leave page' }));
  expect(screen.getByText('Left')).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

test('the browser warns before a reload or close while edits are unsaved, and not after they are saved', async () => {
  render(<Page save={async (d) => d} />);
  const unload = () => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  };
  expect(unload()).toBe(false);
  await userEvent.type(nameField(), 'x');
  expect(unload()).toBe(true);
  await saveNow();
  await within(bar()).findByText('Saved');
  expect(unload()).toBe(false);
});

test('a refused save keeps the draft, opens the closed section holding the error and puts focus on its field', async () => {
  const scrolled = vi.fn();
  Element.prototype.scrollIntoView = scrolled;
  render(<Page save={async () => Promise.reject(refuse(['days'], 'days: Binding periods are 1 to 365 days'))} />);
  const days = screen.getByRole('spinbutton', { name: 'Days' });
  expect(days.closest('details')).not.toHaveAttribute('open');
  await userEvent.type(nameField(), ' desk');
  await saveNow();
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Binding periods are 1 to 365 days');
  expect(days.closest('details')).toHaveAttribute('open');
  await waitFor(() => expect(days).toHaveFocus());
  expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
  expect(nameField()).toHaveValue('Sales desk');
  expect(within(bar()).getByText('Unsaved changes')).toBeInTheDocument();
  expect(toasts.getState().list).toEqual([]);
  await userEvent.click(within(bar()).getByRole('button', { name: 'Discard changes' }));
  expect(nameField()).toHaveValue('Sales');
});

test('an error no field shows is shown in the save bar and focused there', async () => {
  render(
    <Page
      save={async () =>
        Promise.reject(
          new ApiRequestError(0, { code: 'INTERNAL', message: 'The Switchboard server cannot be reached.' }),
        )
      }
    />,
  );
  await userEvent.type(nameField(), 'x');
  await saveNow();
  const alert = await within(bar()).findByRole('alert');
  expect(alert).toHaveTextContent('The Switchboard server cannot be reached.');
  await waitFor(() => expect(alert).toHaveFocus());
  await userEvent.click(within(bar()).getByRole('button', { name: 'Discard changes' }));
});

test('an untouched form follows a save made elsewhere; a form being edited keeps its edits', async () => {
  render(<Page save={async (d) => d} />);
  await userEvent.click(screen.getByRole('button', { name: 'Another admin saves' }));
  expect(nameField()).toHaveValue('Changed elsewhere');
  await userEvent.type(nameField(), '!');
  await userEvent.click(screen.getByRole('button', { name: 'Another admin saves' }));
  expect(nameField()).toHaveValue('Changed elsewhere!');
  await userEvent.click(within(bar()).getByRole('button', { name: 'Discard changes' }));
});

test('sections open and close, and a closed one still says what it holds', async () => {
  render(<Page save={async (d) => d} />);
  const days = screen.getByRole('region', { name: 'Days' });
  expect(within(days).getByText('7 days')).toBeInTheDocument();
  await userEvent.click(within(days).getByRole('heading', { name: 'Days' }));
  expect(days.querySelector('details')).toHaveAttribute('open');
});
