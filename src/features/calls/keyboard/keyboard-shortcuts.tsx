import { useCallback, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { InfoDialog } from '../../../components/ui/info-dialog';
import { shortcuts } from './shortcuts';
import { usePhoneShortcuts } from './use-phone-shortcuts';
import './focus-ring.css';

/** Turns the phone's shortcuts on and lists them in a dialog (the button, or `?`); `showDialer`: see runShortcut. */
export function KeyboardShortcuts({ showDialer }: { showDialer?: () => void }) {
  const [open, setOpen] = useState(false);
  const openHelp = useCallback(() => setOpen(true), []);
  usePhoneShortcuts(openHelp, showDialer);
  return (
    <>
      <Button className="link shortcuts-button" onClick={openHelp} aria-keyshortcuts="?">
        Keyboard shortcuts
      </Button>
      <InfoDialog title="Keyboard shortcuts" open={open} onOpenChange={setOpen}>
        <p className="muted">They work anywhere on the page except while you are typing in a field.</p>
        <dl className="shortcut-list">
          {shortcuts.map((s) => (
            <div key={s.id}>
              <dt>
                <kbd>{s.label}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
      </InfoDialog>
    </>
  );
}
