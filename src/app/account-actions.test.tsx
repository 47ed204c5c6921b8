// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { AccountActions } from './account-actions';

/** A button that opens a dialog in a portal, as the change-password and shortcuts dialogs do. */
function OpensDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Change password
      </button>
      {open && createPortal(<div role="dialog" aria-label="Change password" tabIndex={-1} />, document.body)}
    </>
  );
}

const setUp = () =>
  render(
    <AccountActions orgName="Acme">
      <OpensDialog />
      <button type="button">Sign out</button>
    </AccountActions>,
  );
const toggle = () => screen.getByRole('button', { name: 'Account' });

test('Account says whether the actions are shown, and toggles them', async () => {
  setUp();
  expect(toggle()).toHaveAttribute('aria-expanded', 'false');
  expect(screen.getByRole('group', { name: 'Account' })).toHaveAttribute('id', toggle().getAttribute('aria-controls'));
  await userEvent.click(toggle());
  expect(toggle()).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByText('Signed in to Acme')).toBeInTheDocument();
  await userEvent.click(toggle());
  expect(toggle()).toHaveAttribute('aria-expanded', 'false');
});

test('Escape on one of the actions folds them and puts focus back on Account', async () => {
  setUp();
  await userEvent.click(toggle());
  screen.getByRole('button', { name: 'Sign out' }).focus();
  await userEvent.keyboard('{Escape}');
  expect(toggle()).toHaveAttribute('aria-expanded', 'false');
  expect(toggle()).toHaveFocus();
});

test('Escape inside a dialog opened from the actions leaves them open (the dialog gives focus back to its button)', async () => {
  setUp();
  await userEvent.click(toggle());
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  screen.getByRole('dialog', { name: 'Change password' }).focus();
  await userEvent.keyboard('{Escape}');
  expect(toggle()).toHaveAttribute('aria-expanded', 'true');
});
