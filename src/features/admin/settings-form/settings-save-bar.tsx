import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { UnplacedFormError } from '../../../components/ui/exact-field-error';
import { notify } from '../../../components/ui/toast-store';
import type { SettingsForm } from './use-settings-form';
import './settings-form.css';

type Props = {
  form: Pick<SettingsForm<unknown>, 'dirty' | 'pending' | 'saved' | 'error' | 'save' | 'discard'>;
  /** What is being saved, for the confirmation: "company number settings". */
  what: string;
  description: ReactNode;
  /** Paths the form shows errors beside; any other error is shown here. */
  shown: (string | number)[][];
  /** "Last updated … by …". */
  children?: ReactNode;
};

/**
 * The page's one save bar, stuck to the bottom of the window: Save (after confirmation), Discard, and the outcome
 * ("Unsaved changes", "Saving…", "Saved", or the error no field shows). A save that went through is also a toast.
 */
export function SettingsSaveBar({ form, what, description, shown, children }: Props) {
  const state = form.pending ? 'Saving…' : form.saved ? 'Saved' : form.dirty ? 'Unsaved changes' : '';
  // After Confirm, focus is placed by the outcome (the first error, or this bar's "Saved"), not sent back to Save.
  const confirmed = useRef(false);
  const status = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (form.saved && confirmed.current) status.current?.focus();
  }, [form.saved]);
  return (
    <div className="save-bar sticky-save-bar" role="region" aria-label={`Save ${what}`} data-dirty={form.dirty}>
      <div className="row">
        <ConfirmDialog
          title={`Save ${what}?`}
          description={description}
          onConfirm={() => {
            confirmed.current = true;
            void form.save().then((saved) => {
              if (saved) notify({ tone: 'success', title: 'Saved', body: `The ${what} apply now.` });
            });
          }}
          onOpenChange={(open) => {
            if (open) confirmed.current = false;
          }}
          onCloseAutoFocus={(e) => {
            if (confirmed.current) e.preventDefault();
          }}
          trigger={
            <Button tone="primary" disabled={!form.dirty || form.pending}>
              Save
            </Button>
          }
        />
        {form.dirty && (
          <Button onClick={form.discard} disabled={form.pending}>
            Discard changes
          </Button>
        )}
        <span
          ref={status}
          tabIndex={-1}
          role="status"
          className={`save-status${form.dirty && !form.pending ? ' unsaved' : ''}`}
        >
          {state}
        </span>
        {children && <span className="muted save-bar-note">{children}</span>}
      </div>
      {!form.pending && <UnplacedFormError error={form.error} shown={shown} />}
    </div>
  );
}
