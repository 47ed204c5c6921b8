// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clearToasts, MAX_TOASTS, notify, toasts, type ToastInput } from './toast-store';
import { ToastViewport } from './toast-viewport';

function Page() {
  return (
    <>
      <input aria-label="Number or extension" />
      <ToastViewport />
    </>
  );
}

const show = (t: ToastInput) => act(() => void notify(t));
const toastOf = async (title: string) => (await screen.findByText(title)).closest('li') as HTMLElement;
/** Radix's live region for one toast: what a screen reader is told, and how urgently. */
const announcement = (words: string) =>
  waitFor(() => {
    const region = [...document.querySelectorAll('[role="status"][aria-live]')].find((el) =>
      el.textContent?.includes(words),
    );
    expect(region).toBeDefined();
    return region!;
  });

// jsdom has no pointer capture, which radix's swipe handling asks about on every pointer-up.
beforeAll(() => {
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => {};
});
afterEach(() => act(() => clearToasts()));

test('a toast says its tone in words and shows title and body; it is announced politely and takes no focus', async () => {
  render(<Page />);
  const field = screen.getByRole('textbox', { name: 'Number or extension' });
  field.focus();
  show({ title: 'Answered by Bob Agent', body: 'The call from Jane Roe to Sales line.' });
  const toast = await toastOf('Answered by Bob Agent');
  expect(toast).toHaveAttribute('data-tone', 'info');
  expect(within(toast).getByText('Info')).toBeInTheDocument();
  expect(within(toast).getByText('The call from Jane Roe to Sales line.')).toBeInTheDocument();
  const region = await announcement('Answered by Bob Agent');
  expect(region).toHaveAttribute('aria-live', 'polite');
  expect(region.textContent).toContain('Info Answered by Bob Agent The call from Jane Roe to Sales line.');
  expect(field).toHaveFocus();
});

test('an error is announced assertively and reads "Problem" beside its colour', async () => {
  render(<Page />);
  show({ tone: 'error', title: 'Live updates lost', body: 'Reconnecting…' });
  const toast = await toastOf('Live updates lost');
  expect(toast).toHaveClass('toast-error');
  expect(within(toast).getByText('Problem')).toBeInTheDocument();
  expect(await announcement('Live updates lost')).toHaveAttribute('aria-live', 'assertive');
});

test('Dismiss closes a toast; its action runs and closes it too; the action is announced by its alternative', async () => {
  render(<Page />);
  const run = vi.fn();
  show({ title: 'Missed call from 07911 123456', action: { label: 'Open', altText: 'Go to Unknown callers.', run } });
  show({ title: 'Saved', tone: 'success' });
  expect((await announcement('Missed call from 07911 123456')).textContent).toContain('Go to Unknown callers.');
  await userEvent.click(within(await toastOf('Saved')).getByRole('button', { name: 'Dismiss' }));
  await waitFor(() => expect(screen.queryByText('Saved')).not.toBeInTheDocument());
  await userEvent.click(within(await toastOf('Missed call from 07911 123456')).getByRole('button', { name: 'Open' }));
  expect(run).toHaveBeenCalledOnce();
  await waitFor(() => expect(screen.queryByText('Missed call from 07911 123456')).not.toBeInTheDocument());
  expect(toasts.getState().list).toEqual([]);
});

test('a toast with the id of one shown replaces it, and no more than a few are shown at once', async () => {
  render(<Page />);
  show({ id: 'feed', tone: 'error', title: 'Live updates lost' });
  await toastOf('Live updates lost');
  show({ id: 'feed', tone: 'success', title: 'Live updates are back' });
  await toastOf('Live updates are back');
  expect(screen.queryByText('Live updates lost')).not.toBeInTheDocument();
  for (let i = 1; i <= MAX_TOASTS + 1; i++) show({ title: `Voicemail ${i}` });
  await toastOf(`Voicemail ${MAX_TOASTS + 1}`);
  expect(screen.getAllByRole('listitem')).toHaveLength(MAX_TOASTS);
  expect(screen.queryByText('Voicemail 1')).not.toBeInTheDocument();
});

test('toasts raised before the viewport is there are shown when it arrives', async () => {
  show({ title: 'New voicemail from Jane Roe' });
  render(<Page />);
  expect(await toastOf('New voicemail from Jane Roe')).toBeInTheDocument();
});
