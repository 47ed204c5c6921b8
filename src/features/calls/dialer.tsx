import { useDeferredValue, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { classifyDialString, cleanDialString } from '../../common/dial-plan';
import { Button } from '../../components/ui/button';
import { selectCallOptions } from '../caller-id/caller-id-choice';
import { CallerIdPicker } from '../caller-id/caller-id-picker';
import { DialPad } from './dial-pad';
import { DIALER_INPUT_ID } from './keyboard/use-phone-shortcuts';

/**
 * The number field, dial pad and Call button. An extension calls a colleague; a phone number calls a
 * customer, presenting the caller ID (and engagement mode) chosen in the picker beside it. A placed call takes
 * the number with it (the field empties), and during a call the pad gives way to the call's own keypad.
 */
export function Dialer() {
  const { phone, callerIdChoice } = useServices();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string>();
  const registered = useStore(phone.store, (s) => s.registration.status === 'registered');
  const inCall = useStore(phone.store, (s) =>
    s.calls.some((c) => c.status === 'active' || c.status === 'dialing' || c.status === 'early'),
  );
  const callOptions = useStore(callerIdChoice, (s) => s.number);
  const kind = classifyDialString(target);
  const callee = useDeferredValue(kind === 'phone-number' ? cleanDialString(target) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kind) {
      setError(
        'Enter an extension or a phone number: 3 to 6 digits for an extension, 7 to 15 (optionally after +) for a number, or *98 for voicemail.',
      );
      return;
    }
    setError(undefined);
    const placed =
      kind === 'phone-number'
        ? phone.callNumber(target, selectCallOptions(callerIdChoice.getState()))
        : phone.call(cleanDialString(target));
    placed.then(
      () => setTarget(''),
      (err: Error) => setError(err.message),
    );
  };

  return (
    <form className="panel dialer" onSubmit={submit} aria-label="Dialer">
      <label>
        Number or extension
        <input
          id={DIALER_INPUT_ID}
          inputMode="tel"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          autoComplete="off"
        />
      </label>
      <CallerIdPicker callee={callee} />
      {!inCall && <DialPad label="Dial pad" onKey={(k) => setTarget((t) => t + k)} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <Button type="button" icon="delete" onClick={() => setTarget((t) => t.slice(0, -1))} disabled={!target}>
          Delete
        </Button>
        <Button
          type="submit"
          tone="success"
          icon="call"
          disabled={!registered || !target || (kind === 'phone-number' && !callOptions)}
        >
          Call
        </Button>
      </div>
    </form>
  );
}
