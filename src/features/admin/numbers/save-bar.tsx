import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { UnplacedError } from './field-errors';

type Props = {
  /** What is being saved, for the confirmation: "routing settings". */
  what: string;
  description?: ReactNode;
  dirty: boolean;
  pending: boolean;
  saved: boolean;
  error: unknown;
  /** Paths the section shows errors beside; any other error is shown here. */
  shown: (string | number)[][];
  onSave: () => void;
  onDiscard: () => void;
};

/** Save (after confirmation), discard, and the outcome: "Saving…", "Saved", or the error no field shows. */
export function SaveBar(props: Props) {
  return (
    <div className="save-bar">
      <div className="row">
        <ConfirmDialog
          title={`Save ${props.what}?`}
          description={props.description ?? `The new ${props.what} apply to the next call to this number.`}
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
      {!props.pending && <UnplacedError error={props.error} shown={props.shown} />}
    </div>
  );
}
