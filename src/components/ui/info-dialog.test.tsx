// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { InfoDialog } from './info-dialog';

function Owner() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Help
      </button>
      <InfoDialog title="Help" open={open} onOpenChange={setOpen}>
        <p>Some help.</p>
      </InfoDialog>
    </>
  );
}

test.each([
  ['Escape', '{Escape}'],
  ['Close', null],
])('closed with %s, it gives focus back to the button that opened it', async (_how, key) => {
  render(<Owner />);
  const opener = screen.getByRole('button', { name: 'Help' });
  await userEvent.click(opener);
  const dialog = await screen.findByRole('dialog', { name: 'Help' });
  if (key) await userEvent.keyboard(key);
  else await userEvent.click(screen.getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(dialog).not.toBeInTheDocument());
  expect(opener).toHaveFocus();
});
