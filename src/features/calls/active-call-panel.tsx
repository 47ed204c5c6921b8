import { useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { spokenReason } from '../../common/spoken-reason';
import { PhoneNumber } from '../../components/format';
import { Button } from '../../components/ui/button';
import type { CallSnapshot } from '../../sip/phone-store';
import { endText, statusText } from './call-status';
import { CallTimer } from './call-timer';
import { DialPad } from './dial-pad';
import { selectOffer } from './offers-store';
import { useRemoteParty } from './remote-party';

/** A call that is being placed, in progress, on hold, or just ended: "Bob Agent (1002)" on both ends of it. */
export function ActiveCallPanel({ call }: { call: CallSnapshot }) {
  const { phone, offers } = useServices();
  const routed = useStore(offers, selectOffer(call.sipCallId));
  const party = useRemoteParty(call);
  const [keypad, setKeypad] = useState(false);
  const live = call.status !== 'ended';
  const established = call.status === 'active' || call.status === 'held';
  const ended = endText(call, routed?.resolved?.text, party.teammate ? party : null);

  return (
    <section
      className="panel call-card"
      aria-label={`Call with ${party.name}`}
      data-call-id={call.id}
      data-status={call.status}
    >
      <h2>
        {party.number && !party.detail ? <PhoneNumber value={party.number} /> : party.name}
        {party.detail && (
          <>
            {' '}
            <span className="muted">({party.number ? <PhoneNumber value={party.number} /> : party.detail})</span>
          </>
        )}
      </h2>
      {call.direction === 'outbound' && call.callerId && (
        <p className="call-context" data-testid="presenting">
          Calling as <PhoneNumber value={call.callerId} />
          {call.engagement ? ' · engagement mode' : ''}
        </p>
      )}
      {routed && live && (
        <p className="call-context" title={routed.offer.reason}>
          {routed.offer.number.displayName} · {spokenReason(routed.offer.reason, routed.offer.number.displayName)}
        </p>
      )}
      <p className="call-status">
        {statusText(call)}
        {ended && `: ${ended}`}
        {established && call.startedAt && (
          <>
            {' · '}
            <CallTimer since={call.startedAt} />
          </>
        )}
      </p>
      {live && call.holdRefused && (
        <p className="notice" role="alert">
          {call.held ? 'Resume did not work' : 'Hold did not work'}: the other side refused it. The call goes on as
          before.
        </p>
      )}
      {established && (
        <div className="row">
          <Button
            aria-pressed={call.muted}
            icon={call.muted ? 'unmute' : 'mute'}
            onClick={() => void phone.setMuted(call.id, !call.muted)}
            aria-keyshortcuts="M"
          >
            {call.muted ? 'Unmute' : 'Mute'}
          </Button>
          <Button
            aria-pressed={call.held}
            icon={call.held ? 'resume' : 'hold'}
            onClick={() => void phone.setHeld(call.id, !call.held)}
            aria-keyshortcuts="H"
          >
            {call.held ? 'Resume' : 'Hold'}
          </Button>
          <Button aria-expanded={keypad} icon="keypad" onClick={() => setKeypad((k) => !k)}>
            Keypad
          </Button>
        </div>
      )}
      {established && keypad && <DialPad label="Call keypad" onKey={(k) => void phone.sendDtmf(call.id, k)} />}
      <div className="row">
        {live ? (
          <Button tone="danger" icon="hang-up" onClick={() => void phone.hangup(call.id)} aria-keyshortcuts="E">
            Hang up
          </Button>
        ) : (
          <Button icon="dismiss" onClick={() => phone.dismissCall(call.id)}>
            Dismiss
          </Button>
        )}
      </div>
    </section>
  );
}
