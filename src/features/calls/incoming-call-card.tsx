import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Button } from '../../components/ui/button';
import type { CallSnapshot } from '../../sip/phone-store';
import { selectOffer } from './offers-store';

/**
 * A ringing inbound call: who is calling, which number they called and why the call is yours (for routed
 * calls), with Answer / Decline. During another call it is call waiting.
 */
export function IncomingCallCard({ call, waiting }: { call: CallSnapshot; waiting: boolean }) {
  const { phone, offers } = useServices();
  const routed = useStore(offers, selectOffer(call.sipCallId))?.offer;
  const who = routed ? (routed.caller.name ?? routed.caller.number) : call.remote.displayName || call.remote.user;
  return (
    <section className="panel call-card incoming" aria-label={`Incoming call from ${who}`} data-call-id={call.id}>
      <h2>{waiting ? 'Call waiting' : 'Incoming call'}</h2>
      <p className="remote">
        <strong>{who}</strong>
        {routed && !routed.caller.known && <span className="tag"> unknown caller</span>}
        {routed?.caller.name && <span> ({routed.caller.number})</span>}
        {!routed && call.remote.displayName && call.remote.user !== call.remote.displayName && <span> ({call.remote.user})</span>}
      </p>
      {routed && (
        <dl className="call-context">
          <dt>Called</dt>
          <dd data-testid="called-number">
            {routed.number.displayName} ({routed.number.number})
          </dd>
          <dt>Why you</dt>
          <dd data-testid="route-reason">{routed.reason}</dd>
        </dl>
      )}
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
