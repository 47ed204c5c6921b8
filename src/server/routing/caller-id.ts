import { ruleDestinations } from '../../common/domain/routing-rule';
import type { VirtualNumber } from '../../common/domain/virtual-number';

/** Staff ids the number's routing rule can ring (staff destinations and group members). */
export function destinationStaffIds(number: VirtualNumber): string[] {
  if (number.kind !== 'standard') return [];
  return ruleDestinations(number.routing.rule).flatMap(({ destination }) => {
    if (destination.kind === 'staff') return [destination.staffId];
    return destination.kind === 'group' ? destination.staffIds : [];
  });
}

/**
 * Whether the agent may present the number as caller ID on an outbound call. The main number never;
 * a company number any staff member; a standard number per its allowlist.
 */
export function mayPresentCallerId(number: VirtualNumber, staffId: string): boolean {
  switch (number.kind) {
    case 'main':
      return false;
    case 'company':
      return true;
    case 'standard': {
      const { callerIds } = number.routing;
      if (callerIds.allStaff || callerIds.staffIds.includes(staffId)) return true;
      return callerIds.destinationStaff && destinationStaffIds(number).includes(staffId);
    }
  }
}
