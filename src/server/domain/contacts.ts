import { randomUUID } from 'node:crypto';
import { contactInputSchema, contactSearchQuerySchema, itemTypeInputSchema, type ContactInput, type ContactPage } from '../../common/api/contacts';
import type { Contact, ContactItemType } from '../../common/domain/contact';
import { toE164 } from '../../common/domain/phone-number';
import { AppError } from '../../common/errors';
import { assertAdmin, notFound, stampOf, type Actor, type UseCaseDeps } from './actor';

/** The agent and item types a contact names must be the organisation's own. */
export function assertContactRefs(deps: UseCaseDeps, orgId: string, contact: ContactInput, prefix: (string | number)[] = []): void {
  if (contact.primaryAgentId && !deps.repos.staff.findInOrg(orgId, contact.primaryAgentId)) {
    const path = [...prefix, 'primaryAgentId'];
    throw new AppError('INVALID_INPUT', `${path.join('.')}: no staff member '${contact.primaryAgentId}' in your organisation`, path);
  }
  const typeIds = new Set(deps.repos.itemTypes.list(orgId).map((t) => t.id));
  contact.additionalPhones.forEach((phone, i) => {
    if (phone.itemTypeId && !typeIds.has(phone.itemTypeId)) {
      const path = [...prefix, 'additionalPhones', i, 'itemTypeId'];
      throw new AppError('INVALID_INPUT', `${path.join('.')}: no contact item type '${phone.itemTypeId}'`, path);
    }
  });
}

export function listContacts(deps: UseCaseDeps, actor: Actor, query: { phone?: unknown }): Contact[] {
  if (typeof query.phone === 'string' && query.phone !== '') {
    // An unencoded `+` in a query string arrives as a space.
    const phone = toE164(query.phone.startsWith(' ') ? `+${query.phone.trimStart()}` : query.phone);
    if (!phone) throw new AppError('INVALID_INPUT', 'phone: not a valid phone number in international format', ['phone']);
    return deps.repos.contacts.list(actor.orgId, { phone });
  }
  return deps.repos.contacts.list(actor.orgId);
}

/**
 * Agents' contact search: digits (3 or more, spaces and dashes ignored) match any phone of a contact, leading
 * zeros of a national number dropped; anything else matches the name. Paged, by name.
 */
export function searchContacts(deps: UseCaseDeps, actor: Actor, query: unknown): ContactPage {
  const { q, offset, limit } = contactSearchQuerySchema.parse(query);
  const compact = q.replace(/[\s\-().]/g, '');
  const isDigits = /^\+?[0-9]{3,}$/.test(compact);
  const digits = isDigits ? compact.replace(/^\+/, '').replace(/^0+/, '') : undefined;
  const page = deps.repos.contacts.search(actor.orgId, isDigits ? { digits } : q ? { text: q } : {}, offset, limit);
  return { ...page, offset };
}

export function getContact(deps: UseCaseDeps, actor: Actor, id: string): Contact {
  const contact = deps.repos.contacts.find(actor.orgId, id);
  if (!contact) throw notFound('contact');
  return contact;
}

/** Agents and admins alike keep contacts. */
export function createContact(deps: UseCaseDeps, actor: Actor, body: unknown): Contact {
  const input = contactInputSchema.parse(body);
  assertContactRefs(deps, actor.orgId, input);
  const contact: Contact = { id: `contact-${randomUUID()}`, createdAt: deps.now(), ...input };
  deps.repos.contacts.insert(actor.orgId, contact);
  return getContact(deps, actor, contact.id);
}

export function updateContact(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): Contact {
  getContact(deps, actor, id);
  const input = contactInputSchema.parse(body);
  assertContactRefs(deps, actor.orgId, input);
  if (!deps.repos.contacts.update(actor.orgId, id, input, deps.now())) throw notFound('contact');
  return getContact(deps, actor, id);
}

export function deleteContact(deps: UseCaseDeps, actor: Actor, id: string): void {
  if (!deps.repos.contacts.delete(actor.orgId, id)) throw notFound('contact');
}

export function listItemTypes(deps: UseCaseDeps, actor: Actor): ContactItemType[] {
  return deps.repos.itemTypes.list(actor.orgId);
}

function assertNameFree(deps: UseCaseDeps, orgId: string, name: string, exceptId?: string): void {
  const clash = deps.repos.itemTypes.findByName(orgId, name);
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', `name: there is already an item type called '${clash.name}'`, ['name']);
}

function recordItemType(deps: UseCaseDeps, actor: Actor, id: string, summary: string, before: unknown, after: unknown, at: number) {
  const { author } = stampOf(actor, at);
  deps.repos.changes.record({ orgId: actor.orgId, entity: 'contact-item-type', entityId: id, section: 'item-type', summary, before, after, by: author, at });
}

export function createItemType(deps: UseCaseDeps, actor: Actor, body: unknown): ContactItemType {
  assertAdmin(actor, 'edit contact item types');
  const input = itemTypeInputSchema.parse(body);
  assertNameFree(deps, actor.orgId, input.name);
  const type = { id: `itemtype-${randomUUID()}`, ...input };
  deps.repos.transaction(() => {
    deps.repos.itemTypes.insert(actor.orgId, type);
    recordItemType(deps, actor, type.id, `Added item type ${type.name}`, null, type, deps.now());
  });
  return type;
}

export function updateItemType(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): ContactItemType {
  assertAdmin(actor, 'edit contact item types');
  const before = deps.repos.itemTypes.find(actor.orgId, id);
  if (!before) throw notFound('contact item type');
  const input = itemTypeInputSchema.parse(body);
  assertNameFree(deps, actor.orgId, input.name, id);
  const type = { id, ...input };
  deps.repos.transaction(() => {
    deps.repos.itemTypes.update(actor.orgId, type);
    recordItemType(deps, actor, id, `Changed item type ${before.name}`, before, type, deps.now());
  });
  return type;
}

/** Phones of the deleted type stay on their contacts, untyped (so they are dialled last). */
export function deleteItemType(deps: UseCaseDeps, actor: Actor, id: string): void {
  assertAdmin(actor, 'edit contact item types');
  const before = deps.repos.itemTypes.find(actor.orgId, id);
  if (!before) throw notFound('contact item type');
  deps.repos.transaction(() => {
    deps.repos.itemTypes.delete(actor.orgId, id);
    recordItemType(deps, actor, id, `Deleted item type ${before.name}`, before, null, deps.now());
  });
}
