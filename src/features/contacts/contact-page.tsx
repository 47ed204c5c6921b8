import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { contactDialOrder } from '../../common/domain/contact-dial-order';
import { PhoneNumber, useFormats } from '../../components/format';
import { Button } from '../../components/ui/button';
import { useItemTypes } from '../admin/contacts/contacts-api';
import { selectCallOptions } from '../caller-id/caller-id-choice';
import { CallerIdPicker } from '../caller-id/caller-id-picker';
import { useContact } from './contacts-api';
import { ContactTimeline } from './contact-timeline';
import { createSequentialDial, type DialStep } from './sequential-dial';

const stateText: Record<DialStep['state'], string> = {
  waiting: 'Waiting',
  ringing: 'Ringing',
  answered: 'Answered',
  'not-answered': 'Not answered',
  stopped: 'Stopped',
};
const DELAY_KEY = 'switchboard.sequentialDelay';

/** One contact: numbers in dial order, each callable, and sequential dialling of them all. */
export function ContactPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { phone, callerIdChoice } = useServices();
  const formats = useFormats();
  const contact = useContact(id);
  const itemTypes = useItemTypes();
  const [delay, setDelay] = useState(() => Number(localStorage.getItem(DELAY_KEY) ?? 5));
  const [error, setError] = useState<string>();
  const dial = useMemo(
    () =>
      createSequentialDial({
        phone: phone.store,
        place: (number) => phone.callNumber(number, selectCallOptions(callerIdChoice.getState())),
        hangup: (callId) => phone.hangup(callId),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
      }),
    [phone, callerIdChoice],
  );
  useEffect(() => () => dial.stop(), [dial]);
  const run = useStore(dial.store);
  const entries = contact.data ? contactDialOrder(contact.data, itemTypes.data ?? [], delay) : [];
  const stepOf = (index: number) => (run.steps.length === entries.length ? run.steps[index] : undefined);

  return (
    <section className="panel contact-page" aria-label={`Contact ${contact.data?.name ?? ''}`}>
      <Button onClick={onBack}>Back to contacts</Button>
      {contact.isPending && <p>Loading…</p>}
      {contact.isError && <p role="alert">{contact.error.message}</p>}
      {contact.data && (
        <>
          <h2>{contact.data.name}</h2>
          <CallerIdPicker callee={contact.data.primaryPhone} />
          <ol className="dial-order">
            {entries.map((e, i) => {
              const step = stepOf(i);
              return (
                <li key={e.number} data-number={e.number} data-state={step?.state ?? 'idle'}>
                  <span>{e.label}</span>{' '}
                  <strong>
                    <PhoneNumber value={e.number} />
                  </strong>{' '}
                  <Button
                    onClick={() =>
                      phone
                        .callNumber(e.number, selectCallOptions(callerIdChoice.getState()))
                        .catch((err: Error) => setError(err.message))
                    }
                    disabled={run.running}
                  >
                    Call {formats.phone(e.number)}
                  </Button>
                  {step && (
                    <span className="muted dial-step">
                      {' '}
                      {stateText[step.state]}
                      {step.detail && step.detail !== stateText[step.state] ? `: ${step.detail}` : ''}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          <div className="row">
            <label>
              Seconds between numbers
              <input
                type="number"
                min={0}
                max={120}
                value={delay}
                disabled={run.running}
                onChange={(e) => {
                  const value = Math.min(120, Math.max(0, Math.round(Number(e.target.value) || 0)));
                  setDelay(value);
                  localStorage.setItem(DELAY_KEY, String(value));
                }}
              />
            </label>
            {run.running ? (
              <Button tone="danger" onClick={() => dial.stop()}>
                Stop sequential dial
              </Button>
            ) : (
              <Button tone="success" onClick={() => dial.start(entries)} disabled={entries.length === 0}>
                Sequential dial
              </Button>
            )}
          </div>
          {error && <p role="alert">{error}</p>}
          <h3>Timeline</h3>
          <ContactTimeline id={id} />
        </>
      )}
    </section>
  );
}
