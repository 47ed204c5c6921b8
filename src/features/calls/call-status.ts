import { describeEndCause } from '../../sip/end-causes';
import type { CallSnapshot } from '../../sip/phone-store';
import type { RemoteParty } from './remote-party';

/** An extension as the dial plan writes one (3 to 6 digits): its "not found" is about a person, not a number. */
const looksLikeExtension = (user: string) => /^[0-9]{3,6}$/.test(user);

/**
 * Why a call ended, for its card. The companion's own words win (a routed call answered elsewhere, a refused caller
 * ID); a call to an extension that does not ring says whether nobody has that extension or they are not signed in.
 * `teammate`: the extension belongs to someone of the organisation.
 */
export function endText(call: CallSnapshot, resolved: string | undefined, teammate: RemoteParty | null): string | null {
  if (call.status !== 'ended') return null;
  if (resolved) return resolved;
  if (call.endReason) return call.endReason;
  if (!call.endCause) return null;
  if (call.endCause === 'not-found' && call.direction === 'outbound' && looksLikeExtension(call.remote.user)) {
    return teammate ? `${teammate.name} is not signed in to their phone` : `There is no extension ${call.remote.user}`;
  }
  return describeEndCause(call.endCause);
}

/** The state line's first words: "Calling…", "Ringing…", "In call", "On hold", "Held by the other party", "Call ended". */
export function statusText(call: CallSnapshot): string {
  if (call.status === 'ended') return 'Call ended';
  const established = call.status === 'active' || call.status === 'held';
  if (call.held) return 'On hold';
  if (call.remoteHeld && established) return 'Held by the other party';
  return { ringing: 'Ringing', dialing: 'Calling…', early: 'Ringing…', active: 'In call', held: 'On hold' }[
    call.status
  ];
}
