import { AppError } from '../../common/errors';
import { parseInput } from '../../common/domain/zod-error';
import { phoneOwnedStates, presenceSetSchema, type ManualPresence, type PresenceState } from '../../common/presence';

const ownedBy: Record<(typeof phoneOwnedStates)[number], string> = {
  offline: 'Offline follows your phone: sign out or close the tab instead',
  ringing: 'Ringing follows your phone',
  'on-call': 'On a call follows your phone: it starts when a call is answered',
  'wrap-up': 'Wrap-up starts by itself after a call: press Ready to end it',
};
const isPhoneOwned = (s: PresenceState): s is (typeof phoneOwnedStates)[number] =>
  (phoneOwnedStates as readonly string[]).includes(s);

/**
 * What a `presence:set` from this agent may ask for: their own state, one they may choose by hand, and a
 * reason only with Away (that the reason is their organisation's is settled by the write). Anything else is
 * refused naming the field: FORBIDDEN for a state the phone owns or another agent's presence.
 */
export function parsePresenceChoice(body: unknown, self: { id: string }): { state: ManualPresence; reasonId?: string } {
  const { state, reasonId, staffId } = parseInput(presenceSetSchema, body);
  if (staffId !== undefined && staffId !== self.id)
    throw new AppError('FORBIDDEN', 'You may set only your own presence.', ['staffId']);
  if (isPhoneOwned(state))
    throw new AppError(
      'FORBIDDEN',
      `You cannot choose '${state}'. ${ownedBy[state]}; you may choose available, away or dnd.`,
      ['state'],
    );
  if (reasonId !== undefined && state !== 'away')
    throw new AppError('INVALID_INPUT', 'A reason goes only with away.', ['reasonId']);
  return reasonId === undefined ? { state } : { state, reasonId };
}
