import { useServices } from '../../app/services-context';
import { Button } from '../../components/ui/button';
import type { CallSnapshot } from '../../sip/phone-store';

/** A ringing inbound call: who is calling, and Answer / Decline. During another call it is call waiting. */
export function IncomingCallCard({ call, waiting }: { call: CallSnapshot; waiting: boolean }) {
  const { phone } = useServices();
  const who = call.remote.displayName || call.remote.user;
  return (
    <section className="panel call-card incoming" aria-label={`Incoming call from ${who}`} data-call-id={call.id}>
      <h2>{waiting ? 'Call waiting' : 'Incoming call'}</h2>
      <p className="remote">
        <strong>{who}</strong>
        {call.remote.displayName && call.remote.user !== call.remote.displayName && <span> ({call.remote.user})</span>}
      </p>
      {waiting && <p className="hint">Answering puts your current call on hold.</p>}
      <div className="row">
        <Button tone="success" onClick={() => void phone.answer(call.id)}>
          Answer
        </Button>
        <Button tone="danger" onClick={() => void phone.decline(call.id)}>
          Decline
        </Button>
      </div>
    </section>
  );
}
