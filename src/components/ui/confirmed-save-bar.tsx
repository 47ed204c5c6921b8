import type { ReactNode } from 'react';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { UnplacedFormError } from './exact-field-error';

type Props = {
  /** What is being saved, for the confirmation: "company number settings". */
  what: string;
  description: ReactNode;
  dirty: boolean;
  pending: boolean;
  saved: boolean;
  error: unknown;
  /** Paths the form shows errors beside; any other error is shown here. */
  shown: (string | number)[][];
  onSave: () => void;
  onDiscard: () => void;
};

/** Save (after confirmation), discard, and the outcome: "Saving…", "Saved", or the error no field shows. */
export function ConfirmedSaveBar(props: Props) {
  return (
    <div className="save-bar">
      <div className="row">
        <ConfirmDialog
          title={`Save ${props.what}?`}
          description={props.description}
          onConfirm={props.onSave}
          trigger={
            <Button tone="primary" disabled={!props.dirty || props.pending}>
              Save
            </Button>
          }
        />
        {props.dirty && (
          <Button onClick={props.onDiscard} disabled={props.pending}>
            Discard changes
          </Button>
        )}
        <span role="status" className="save-status">
          {props.pending ? 'Saving…' : props.saved && !props.dirty ? 'Saved' : ''}
        </span>
      </div>
      {!props.pending && <UnplacedFormError error={props.error} shown={props.shown} />}
    </div>
  );
}
