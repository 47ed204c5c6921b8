import { useEffect, useRef } from 'react';
import { EXTENSION_RING_SECONDS } from '../../common/calls';
import { spokenReason } from '../../common/spoken-reason';
import { Duration, PhoneNumber, useNow } from '../../components/format';
import { Button } from '../../components/ui/button';
import { useServices } from '../../app/services-context';
import type { CallSnapshot } from '../../sip/phone-store';
import { isTyping } from './keyboard/typing';
import { useRemoteParty } from './remote-party';
import { useRingingAttention } from './use-ringing-attention';

/** The time left to answer, ticking; a routed call rings for its step's timeout, a direct call for the SIP server's. */
function RingCountdown({ since, seconds }: { since: number; seconds: number }) {
  const now = useNow(1000);
  const left = Math.max(0, since + seconds * 1000 - now);
  return (
    <p className="ring-countdown muted">
      Rings for <Duration ms={Math.ceil(left / 1000) * 1000} label="Time left to answer" /> more
    </p>
  );
}

/**
 * A ringing inbound call: who is calling, which number they called and why the call is yours (for routed
 * calls), with Answer / Decline. During another call it is call waiting. Focus moves to Answer as it starts
 * ringing, unless the agent is typing (then the A shortcut is one key away and nothing they type answers it).
 */
/** `first`: the call that has been ringing longest, which flashes the tab. */
export function IncomingCallCard({
  call,
  waiting,
  first = true,
}: {
  call: CallSnapshot;
  waiting: boolean;
  first?: boolean;
}) {
  const { phone } = useServices();
  const party = useRemoteParty(call);
  const routed = party.offer;
  const answer = useRef<HTMLButtonElement>(null);
  useRingingAttention(first ? party.name : null);
  useEffect(() => {
    if (!isTyping(document.activeElement)) answer.current?.focus();
  }, []);

  return (
    <section
      className="panel call-card incoming"
      aria-label={`Incoming call from ${party.name}`}
      data-call-id={call.id}
    >
      <h2>{waiting ? 'Call waiting' : 'Incoming call'}</h2>
      <p className="remote">
        <strong>{party.number && !party.detail ? <PhoneNumber value={party.number} /> : party.name}</strong>
        {party.unknownCaller && <span className="tag"> unknown caller</span>}
        {party.detail && (
          <>
            {' '}
            <span>({party.number ? <PhoneNumber value={party.number} /> : party.detail})</span>
          </>
        )}
      </p>
      {routed && (
        <dl className="call-context">
          <dt>Called</dt>
          <dd data-testid="called-number">
            {routed.number.displayName} (<PhoneNumber value={routed.number.number} />)
          </dd>
          <dt>Why you</dt>
          <dd data-testid="route-reason" title={routed.reason}>
            {spokenReason(routed.reason, routed.number.displayName)}
          </dd>
        </dl>
      )}
      <RingCountdown since={call.createdAt} seconds={routed?.ringSeconds ?? EXTENSION_RING_SECONDS} />
      {waiting && <p className="hint">Answering puts your current call on hold.</p>}
      <div className="row">
        <Button
          ref={answer}
          tone="success"
          icon="answer"
          onClick={() => void phone.answer(call.id)}
          aria-keyshortcuts="A"
        >
          Answer
        </Button>
        <Button tone="danger" icon="decline" onClick={() => void phone.decline(call.id)} aria-keyshortcuts="D">
          Decline
        </Button>
      </div>
    </section>
  );
}
