import type { CallOffered, CallResolved } from '../../common/calls';
import type { ToastInput } from '../../components/ui/toast-store';

/**
 * A call this agent was offered that somebody else answered: said in the companion's words ("Answered by Bob
 * Agent"), with whose call it was. A call that stopped ringing for any other reason says nothing here (its card does).
 */
export function answeredElsewhereNotice(
  offer: CallOffered | undefined,
  resolved: CallResolved,
  phone: (number: string) => string,
): ToastInput | undefined {
  if (!offer || resolved.outcome !== 'answered-elsewhere') return undefined;
  const who = offer.caller.name ?? phone(offer.caller.number);
  return {
    id: `answered-${resolved.sipCallId}`,
    tone: 'info',
    title: resolved.text,
    body: `The call from ${who} to ${offer.number.displayName}.`,
  };
}
