import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/field-error';
import { useResetPin, type MainNumberView } from './main-api';

/** Whether the voicemail PIN is still the factory default, and a confirmed reset to it; the PIN itself is never shown. */
export function PinSection({ number }: { number: MainNumberView }) {
  const reset = useResetPin(number.id);
  return (
    <section className="panel number-section" aria-labelledby="pin-title">
      <h3 id="pin-title">Voicemail PIN</h3>
      <p>
        The PIN opens the main number's voicemail box and voice portal.{' '}
        <span data-pin-default={String(number.main.pinIsDefault)}>{number.main.pinIsDefault ? 'It is the default PIN.' : 'It has been changed from the default.'}</span>
      </p>
      <div className="row">
        <ConfirmDialog
          title="Reset the voicemail PIN?"
          description="The PIN goes back to the default. Anyone using the old PIN will need the default one to open the voicemail box."
          confirmLabel="Reset PIN"
          onConfirm={() => reset.mutate()}
          trigger={
            <Button tone="danger" disabled={reset.isPending}>
              Reset to default
            </Button>
          }
        />
        <span role="status" className="save-status">
          {reset.isPending ? 'Resetting…' : reset.isSuccess ? 'PIN reset to the default' : ''}
        </span>
      </div>
      {!reset.isPending && <FormError error={reset.error} />}
    </section>
  );
}
