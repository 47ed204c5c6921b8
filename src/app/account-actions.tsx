import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '../components/ui/button';

/**
 * The signed-in person's own actions (keyboard shortcuts, password, theme, sign out). From 1400 px they sit in the
 * top bar; below they fold behind an "Account" button that shows them as a row of the bar. They stay
 * mounted while folded, so a dialog one of them opened keeps its trigger and gives focus back to it on close.
 */
export function AccountActions({ orgName, children }: { orgName: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys from a dialog opened here bubble through React's tree, not the page's: only the row's own count.
    if (e.key !== 'Escape' || !e.currentTarget.contains(e.target as Node)) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="account" data-open={open}>
      <Button
        ref={toggle}
        className="account-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Account
      </Button>
      <div id={id} className="account-actions" role="group" aria-label="Account" onKeyDown={closeOnEscape}>
        <span className="account-org muted">Signed in to {orgName}</span>
        {children}
      </div>
    </div>
  );
}
