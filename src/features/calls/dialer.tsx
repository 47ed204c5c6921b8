import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Button } from '../../components/ui/button';
import { DialPad } from './dial-pad';

/** The number field, dial pad and Call button. Extensions and phone numbers both go in the field. */
export function Dialer() {
  const { phone } = useServices();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string>();
  const registered = useStore(phone.store, (s) => s.registration.status === 'registered');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cleaned = target.replace(/[\s()-]/g, '');
    if (!/^\+?[0-9*#]+$/.test(cleaned)) {
      setError('Enter an extension or a phone number (digits, optionally starting with +).');
      return;
    }
    setError(undefined);
    phone.call(cleaned).catch((err: Error) => setError(err.message));
  };

  return (
    <form className="panel dialer" onSubmit={submit} aria-label="Dialer">
      <label>
        Number or extension
        <input inputMode="tel" value={target} onChange={(e) => setTarget(e.target.value)} autoComplete="off" />
      </label>
      <DialPad label="Dial pad" onKey={(k) => setTarget((t) => t + k)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <Button type="button" onClick={() => setTarget((t) => t.slice(0, -1))} disabled={!target}>
          Delete
        </Button>
        <Button type="submit" tone="success" disabled={!registered || !target}>
          Call
        </Button>
      </div>
    </form>
  );
}
