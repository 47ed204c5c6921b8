import type { Contact } from '../../common/domain/contact';
import { isE164 } from '../../common/dial-plan';
import { toE164 } from '../../common/domain/phone-number';
import type { RouteOrg } from '../routing/route-input';
import type { Repos } from '../storage/repos';

/** The key a caller's number is stored under: E.164, or the raw `+digits` of a number outside the plan. */
function phoneKey(caller: string): string | null {
  const compact = caller.replace(/[\s()-]/g, '');
  return toE164(caller) ?? (isE164(compact) ? compact : null);
}

const byNameThenAge = (a: Contact, b: Contact) => {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.createdAt - b.createdAt;
};

/**
 * What the routing engine needs to know about an organisation for one call, read from storage. Of the
 * contacts it reads only those with the caller's number, by index (no call reads the whole contact list).
 */
export function loadRouteOrg(repos: Repos, orgId: string, caller: string | null): Omit<RouteOrg, 'activeCompanyCalls'> {
  const key = caller === null ? null : phoneKey(caller);
  return {
    staff: repos.staff.listByOrg(orgId).map((s) => ({ id: s.id, name: s.name, extension: s.extension })),
    // In the order of the contact list (name, then age), as the engine's reasons name them.
    contacts: key ? repos.contacts.list(orgId, { phone: key }).sort(byNameThenAge) : [],
    itemTypes: repos.itemTypes.list(orgId),
    businessHours: repos.orgSettings.businessHours(orgId).businessHours,
  };
}
