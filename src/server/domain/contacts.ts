import { randomUUID } from 'node:crypto';
import {
  contactInputSchema,
  contactSearchQuerySchema,
  itemTypeInputSchema,
  type ContactInput,
  type ContactPage,
} from '../../common/api/contacts';
import type { Contact, ContactItemType } from '../../common/domain/contact';
import { toE164 } from '../../common/domain/phone-number';
import { AppError } from '../../common/errors';
import { assertAdmin, notFound, stampOf, type Actor, type UseCaseDeps } from './actor';

/** The agent and item types a contact names must be the organisation's own. */
export function assertContactRefs(
  deps: UseCaseDeps,
  orgId: string,
  contact: ContactInput,
  prefix: (string | number)[] = [],
): void {
  if (contact.primaryAgentId && !deps.repos.staff.findInOrg(orgId, contact.primaryAgentId)) {
    const path = [...prefix, 'primaryAgentId'];
    throw new AppError(
      'INVALID_INPUT',
      `${path.join('.')}: no staff member '${contact.primaryAgentId}' in your organisation`,
      path,
    );
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
    if (!phone)
      throw new AppError('INVALID_INPUT', 'phone: not a valid phone number in international format', ['phone']);
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

/**
 * Who may change a contact's primary agent (the agent its calls ring): the current primary agent, supervisors
 * and admins. An agent may also take a contact nobody owns.
 */
export function mayChangePrimaryAgent(actor: Actor, from: string | null, to: string | null): boolean {
  if (from === to || actor.role === 'admin' || actor.role === 'supervisor') return true;
  return from === actor.id || (from === null && to === actor.id);
}

function assertPrimaryAgentChange(actor: Actor, from: string | null, to: string | null): void {
  if (!mayChangePrimaryAgent(actor, from, to)) {
    throw new AppError(
      'FORBIDDEN',
      "primaryAgentId: only the contact's primary agent, supervisors and admins may change its primary agent",
      ['primaryAgentId'],
    );
  }
}

/** Every contact change goes to the change log, in the same transaction as the change. */
export function recordContactChange(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  summary: string,
  before: unknown,
  after: unknown,
): void {
  const { author } = stampOf(actor, deps.now());
  deps.repos.changes.record({
    orgId: actor.orgId,
    entity: 'contact',
    entityId: id,
    section: 'contact',
    summary,
    before,
    after,
    by: author,
    at: deps.now(),
  });
}

const fieldsOf = ({ id: _id, createdAt: _at, ...fields }: Contact) => fields;

/** Agents and admins alike keep contacts; an agent gives a new contact to themselves or to nobody. */
export function createContact(deps: UseCaseDeps, actor: Actor, body: unknown): Contact {
  const input = contactInputSchema.parse(body);
  assertContactRefs(deps, actor.orgId, input);
  assertPrimaryAgentChange(actor, null, input.primaryAgentId ?? null);
  const contact: Contact = { id: `contact-${randomUUID()}`, createdAt: deps.now(), ...input };
  deps.repos.transaction(() => {
    deps.repos.contacts.insert(actor.orgId, contact);
    recordContactChange(deps, actor, contact.id, `Added contact ${contact.name}`, null, input);
  });
  return getContact(deps, actor, contact.id);
}

export function updateContact(deps: UseCaseDeps, actor: Actor, id: string, body: unknown): Contact {
  const before = getContact(deps, actor, id);
  const input = contactInputSchema.parse(body);
  assertContactRefs(deps, actor.orgId, input);
  assertPrimaryAgentChange(actor, before.primaryAgentId ?? null, input.primaryAgentId ?? null);
  const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
    (k) => JSON.stringify(input[k]) !== JSON.stringify(before[k]),
  );
  deps.repos.transaction(() => {
    if (!deps.repos.contacts.update(actor.orgId, id, input, deps.now())) throw notFound('contact');
    recordContactChange(
      deps,
      actor,
      id,
      changed.length ? `Changed ${changed.join(', ')}` : 'No change',
      fieldsOf(before),
      input,
    );
  });
  return getContact(deps, actor, id);
}

export function deleteContact(deps: UseCaseDeps, actor: Actor, id: string): void {
  const before = getContact(deps, actor, id);
  if (before.primaryAgentId && !mayChangePrimaryAgent(actor, before.primaryAgentId, null)) {
    throw new AppError('FORBIDDEN', "Only the contact's primary agent, supervisors and admins may delete it.");
  }
  deps.repos.transaction(() => {
    if (!deps.repos.contacts.delete(actor.orgId, id)) throw notFound('contact');
    recordContactChange(deps, actor, id, `Deleted contact ${before.name}`, fieldsOf(before), null);
  });
}

export function listContactChanges(deps: UseCaseDeps, actor: Actor, id: string) {
  getContact(deps, actor, id);
  return deps.repos.changes.list(actor.orgId, 'contact', id);
}

export function listItemTypes(deps: UseCaseDeps, actor: Actor): ContactItemType[] {
  return deps.repos.itemTypes.list(actor.orgId);
}

function assertNameFree(deps: UseCaseDeps, orgId: string, name: string, exceptId?: string): void {
  const clash = deps.repos.itemTypes.findByName(orgId, name);
  if (clash && clash.id !== exceptId)
    throw new AppError('CONFLICT', `name: there is already an item type called '${clash.name}'`, ['name']);
}

function recordItemType(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  summary: string,
  before: unknown,
  after: unknown,
  at: number,
) {
  const { author } = stampOf(actor, at);
  deps.repos.changes.record({
    orgId: actor.orgId,
    entity: 'contact-item-type',
    entityId: id,
    section: 'item-type',
    summary,
    before,
    after,
    by: author,
    at,
  });
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
