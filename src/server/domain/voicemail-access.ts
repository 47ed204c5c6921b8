import { ruleDestinations } from '../../common/domain/routing-rule';
import type { VirtualNumber } from '../../common/domain/virtual-number';

/** Who is asking: a staff member of some organisation. */
export type Listener = { id: string; orgId: string; role: 'agent' | 'supervisor' | 'admin' };

/**
 * Who may hear a voicemail box: the one rule the inbox, the audio URL, deletion and the feed ask.
 * - Another organisation's staff: never (the box does not exist for them: 404).
 * - A standard number's box: the staff who are its destinations (a staff destination or a group member, in
 *   any rule, window or fallback). Messages left before voicemail was turned off stay audible to the same
 *   people until they are deleted.
 * - The main number's box: its hunt groups (in and out of hours) and every admin of the organisation.
 * - The company number has no voicemail.
 */
export function mayHearBox(who: Listener, boxOrgId: string, number: VirtualNumber): boolean {
  if (who.orgId !== boxOrgId) return false;
  if (number.kind === 'main') {
    if (who.role === 'admin') return true;
    return [number.main.inHours, number.main.outOfHours].some((branch) => branch.huntGroup.staffIds.includes(who.id));
  }
  if (number.kind !== 'standard') return false;
  return ruleDestinations(number.routing.rule).some(({ destination }) =>
    destination.kind === 'staff'
      ? destination.staffId === who.id
      : destination.kind === 'group' && destination.staffIds.includes(who.id),
  );
}

/** The boxes of the organisation's numbers this listener may hear. */
export function audibleBoxes(who: Listener, orgId: string, numbers: VirtualNumber[]): VirtualNumber[] {
  return numbers.filter((n) => mayHearBox(who, orgId, n));
}
