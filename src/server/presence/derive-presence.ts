import type { ManualPresence, PhoneStatus, PresenceState } from '../../common/presence';

/**
 * One agent's presence from the facts we hold: the phones of their open tabs (each reports its status over
 * the feed), whether they are wrapping up after a call, and the state they chose by hand. No open tab or no
 * registered phone means offline; a call in progress or ringing beats wrap-up, wrap-up beats the choice.
 */
export function derivePresence(phones: PhoneStatus[], manual: ManualPresence, wrappingUp = false): PresenceState {
  const registered = phones.filter((p) => p.registration === 'registered');
  if (registered.length === 0) return 'offline';
  if (phones.some((p) => p.activeCalls > 0)) return 'on-call';
  if (phones.some((p) => p.ringing > 0)) return 'ringing';
  if (wrappingUp) return 'wrap-up';
  return manual;
}
