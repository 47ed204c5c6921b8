import { useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Button } from '../../components/ui/button';
import { formatPhone } from '../../common/domain/phone-number';
import { describeEndCause } from '../../sip/end-causes';
import type { CallSnapshot } from '../../sip/phone-store';
import { CallTimer } from './call-timer';
import { DialPad } from './dial-pad';
import { selectOffer } from './offers-store';

const statusText: Record<CallSnapshot['status'], string> = {
  ringing: 'Ringing',
  dialing: 'Calling…',
  early: 'Ringing…',
  active: 'In call',
  held: 'On hold',
  ended: 'Call ended',
};

/** A call that is being placed, in progress, on hold, or just ended. */
export function ActiveCallPanel({ call }: { call: CallSnapshot }) {
  const { phone, offers } = useServices();
  const routed = useStore(offers, selectOffer(call.sipCallId));
  const [keypad, setKeypad] = useState(false);
  const who = routed ? (routed.offer.caller.name ?? routed.offer.caller.number) : call.remote.displayName || call.remote.user;
  const live = call.status !== 'ended';
  const established = call.status === 'active' || call.status === 'held';
  // An ended call reads as ended, whatever its hold state was when it ended.
  const status =
    call.status === 'ended'
      ? statusText.ended
      : call.held
        ? 'On hold'
        : call.remoteHeld && established
          ? 'Held by the other party'
          : statusText[call.status];

  return (
    <section className="panel call-card" aria-label={`Call with ${who}`} data-call-id={call.id} data-status={call.status}>
      <h2>{who}</h2>
      {call.direction === 'outbound' && call.callerId && (
        <p className="call-context" data-testid="presenting">
          Calling as {formatPhone(call.callerId)}
          {call.engagement ? ' · engagement mode' : ''}
        </p>
      )}
      {routed && call.status !== 'ended' && (
        <p className="call-context">
          {routed.offer.number.displayName} · {routed.offer.reason}
        </p>
      )}
      <p className="call-status">
        {status}
        {call.status === 'ended' && (routed?.resolved ? `: ${routed.resolved.text}` : call.endReason ? `: ${call.endReason}` : call.endCause && `: ${describeEndCause(call.endCause)}`)}
        {established && call.startedAt && (
          <>
            {' · '}
            <CallTimer since={call.startedAt} />
          </>
        )}
      </p>
      {established && (
        <div className="row">
          <Button aria-pressed={call.muted} onClick={() => void phone.setMuted(call.id, !call.muted)}>
            {call.muted ? 'Unmute' : 'Mute'}
          </Button>
          <Button aria-pressed={call.held} onClick={() => void phone.setHeld(call.id, !call.held)}>
            {call.held ? 'Resume' : 'Hold'}
          </Button>
          <Button aria-expanded={keypad} onClick={() => setKeypad((k) => !k)}>
            Keypad
          </Button>
        </div>
      )}
      {established && keypad && <DialPad label="Call keypad" onKey={(k) => void phone.sendDtmf(call.id, k)} />}
      <div className="row">
        {live ? (
          <Button tone="danger" onClick={() => void phone.hangup(call.id)}>
            Hang up
          </Button>
        ) : (
          <Button onClick={() => phone.dismissCall(call.id)}>Dismiss</Button>
        )}
      </div>
    </section>
  );
}
