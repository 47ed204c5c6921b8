import type { RouteOrg } from '../routing/route-input';
import type { Repos } from '../storage/repos';

/** What the routing engine needs to know about an organisation, read from storage. */
export function loadRouteOrg(repos: Repos, orgId: string): Omit<RouteOrg, 'activeCompanyCalls'> {
  return {
    staff: repos.staff.listByOrg(orgId).map((s) => ({ id: s.id, name: s.name, extension: s.extension })),
    contacts: repos.contacts.list(orgId),
    itemTypes: repos.itemTypes.list(orgId),
    businessHours: repos.orgSettings.businessHours(orgId).businessHours,
  };
}
