import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useState } from 'react';
import { FieldError, FormError } from '../../../components/ui/field-error';
import { useResetPin, useSetPin, type MainNumberView } from './main-api';

/** Whether the voicemail PIN is still the factory default, a confirmed reset to it, and setting a new one; the PIN itself is never shown. */
export function PinSection({ number }: { number: MainNumberView }) {
  const reset = useResetPin(number.id);
  const change = useSetPin(number.id);
  const [pin, setPin] = useState('');
  return (
    <section className="panel number-section" aria-labelledby="pin-title">
      <h3 id="pin-title">Voicemail PIN</h3>
      <p>
        The PIN opens the main number's voicemail box and voice portal.{' '}
        <span data-pin-default={String(number.main.pinIsDefault)}>
          {number.main.pinIsDefault ? 'It is the default PIN.' : 'It has been changed from the default.'}
        </span>
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
      <form
        className="row"
        aria-label="Set a new PIN"
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate(pin, { onSuccess: () => setPin('') });
        }}
      >
        <label>
          New PIN
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <FieldError error={change.error} path={['pin']} />
        <Button type="submit" disabled={change.isPending || pin === ''}>
          Set PIN
        </Button>
        <span role="status" className="save-status">
          {change.isSuccess ? 'New PIN set' : ''}
        </span>
      </form>
    </section>
  );
}
