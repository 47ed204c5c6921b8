import type { BusinessHours } from '../../common/domain/business-hours';
import type { Contact, ContactItemType } from '../../common/domain/contact';
import { phoneKey } from '../../common/domain/phone-number';
import type { StaffMember } from '../../common/domain/staff';
import type { Repos } from './repos';

/**
 * The organisation's routing data that only admins change (staff, contact item types, business hours), with the
 * staff indexed by id and by extension so that no call searches the whole list.
 */
export type OrgRouting = {
  staff: StaffMember[];
  staffById: ReadonlyMap<string, StaffMember>;
  staffByExtension: ReadonlyMap<string, StaffMember>;
  itemTypes: ContactItemType[];
  businessHours: BusinessHours;
};

export function loadOrgRouting(repos: Repos, orgId: string): OrgRouting {
  const staff = repos.staff.listByOrg(orgId).map((s) => ({ id: s.id, name: s.name, extension: s.extension }));
  return {
    staff,
    staffById: new Map(staff.map((s) => [s.id, s])),
    staffByExtension: new Map(staff.flatMap((s) => (s.extension ? [[s.extension, s] as const] : []))),
    itemTypes: repos.itemTypes.list(orgId),
    businessHours: repos.orgSettings.businessHours(orgId).businessHours,
  };
}

const byNameThenAge = (a: Contact, b: Contact) => {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.createdAt - b.createdAt;
};

/**
 * The organisation's contacts with the caller's number, read by index (no call reads the whole contact list), in
 * the order of the contact list (name, then age), as the engine's reasons name them.
 */
export function loadCallerContacts(repos: Repos, orgId: string, caller: string | null): Contact[] {
  const key = caller === null ? null : phoneKey(caller);
  return key ? repos.contacts.list(orgId, { phone: key }).sort(byNameThenAge) : [];
}
