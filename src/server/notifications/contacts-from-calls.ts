import { randomUUID } from 'node:crypto';
import type { Contact } from '../../common/domain/contact';
import { contactPhones } from '../../common/domain/contact';
import { samePhoneNumber, toE164 } from '../../common/domain/phone-number';
import {
  associateRequestSchema,
  contactFromNotificationSchema,
  type NotificationView,
} from '../../common/notifications';
import { AppError } from '../../common/errors';
import type { Actor } from '../domain/actor';
import type { NotificationDeps } from './notification-deps';
import type { NotificationRecord } from './notification-repo';
import type { NotificationsService } from './notifications-service';

const MAX_ADDITIONAL_PHONES = 20;

/** Adds tags a contact does not have yet (tags compare without case), keeping the order. */
export function withTags(tags: string[], more: string[]): string[] {
  const out = [...tags];
  for (const tag of more) if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  return out;
}

/**
 * Contacts from unknown callers. Create: source = the company number's source, its tag added, the claimer as
 * primary agent. Associate: the caller's number goes onto the contact, the number's source becomes a tag,
 * plus the tag. Both claim first; a lost claim saves nothing.
 */
export function createContactsFromCalls(deps: NotificationDeps, service: NotificationsService) {
  const { repos } = deps;

  function callerPhone(n: NotificationRecord): string {
    const phone = toE164(n.caller);
    if (!phone)
      throw new AppError('INVALID_INPUT', `caller: ${n.caller} is not a phone number a contact can have`, ['caller']);
    return phone;
  }

  function assertNotLinked(n: NotificationRecord) {
    const name = n.contactId ? repos.contacts.find(n.orgId, n.contactId)?.name : undefined;
    if (name) throw new AppError('CONFLICT', `This caller is already on contact ${name}.`);
  }

  /** What the caller did so far goes onto the contact's timeline: the call, the texts, the claim. */
  function backfill(actor: Actor, n: NotificationRecord, contact: Contact, what: string, at: number) {
    const number = repos.numbers.find(n.orgId, n.numberId);
    const line = number?.displayName || n.number;
    const add = (e: Parameters<typeof deps.timeline.add>[0]) => deps.timeline.add(e);
    if (n.callId) {
      const summary =
        n.kind === 'answered-call'
          ? `Call to ${line}, answered by ${actor.name}`
          : `Missed call to ${line} (${n.ringAttempts} agent(s) rung)`;
      add({
        id: `tl-${randomUUID()}`,
        orgId: n.orgId,
        contactId: contact.id,
        kind: 'call',
        at: n.createdAt,
        staffId: null,
        summary,
        body: null,
        direction: 'inbound',
        refId: n.callId,
      });
    }
    for (const t of deps.notifications.texts([n.id])) {
      const summary = t.direction === 'inbound' ? `Text to ${line}` : `Text from ${line}`;
      add({
        id: `tl-${randomUUID()}`,
        orgId: n.orgId,
        contactId: contact.id,
        kind: 'text',
        at: t.at,
        staffId: t.staffId,
        summary,
        body: t.body,
        direction: t.direction,
        refId: t.id,
      });
    }
    add({
      id: `tl-${randomUUID()}`,
      orgId: n.orgId,
      contactId: contact.id,
      kind: 'claim',
      at,
      staffId: actor.id,
      summary: `${actor.name} ${what}`,
      body: null,
      direction: null,
      refId: n.id,
    });
    deps.publish.timeline(n.orgId, contact.id);
  }

  function finish(actor: Actor, n: NotificationRecord, won: boolean): NotificationView {
    const after = deps.notifications.find(n.id)!;
    if (won) service.announceClaim(actor, after);
    else deps.publish.updated(after);
    return service.view(actor, after);
  }

  return {
    create(actor: Actor, id: string, body: unknown): { notification: NotificationView; contact: Contact } {
      const input = contactFromNotificationSchema.parse(body);
      const result = repos.transaction(() => {
        const { record, won } = service.claimRecord(actor, id, 'create-contact');
        assertNotLinked(record);
        const at = deps.now();
        const contact: Contact = {
          id: `contact-${randomUUID()}`,
          name: input.name,
          primaryPhone: callerPhone(record),
          additionalPhones: [],
          primaryAgentId: actor.id,
          source: record.source,
          tags: withTags(input.tags, [record.tag]),
          createdAt: at,
        };
        repos.contacts.insert(actor.orgId, contact);
        deps.notifications.linkContact(record.id, contact.id, at);
        backfill(
          actor,
          record,
          contact,
          `created the contact from ${record.kind === 'text' ? 'a text' : 'a call'}`,
          at,
        );
        return { record, won, contact };
      });
      return { notification: finish(actor, result.record, result.won), contact: result.contact };
    },

    associate(actor: Actor, id: string, body: unknown): { notification: NotificationView; contact: Contact } {
      const { contactId } = associateRequestSchema.parse(body);
      const result = repos.transaction(() => {
        const existing = repos.contacts.find(actor.orgId, contactId);
        if (!existing)
          throw new AppError('INVALID_INPUT', `contactId: no contact '${contactId}' in your organisation`, [
            'contactId',
          ]);
        const { record, won } = service.claimRecord(actor, id, 'associate');
        assertNotLinked(record);
        const phone = callerPhone(record);
        const known = contactPhones(existing).some((p) => samePhoneNumber(p, phone));
        if (!known && existing.additionalPhones.length >= MAX_ADDITIONAL_PHONES) {
          throw new AppError(
            'INVALID_INPUT',
            `contactId: ${existing.name} already has ${MAX_ADDITIONAL_PHONES} additional phones`,
            ['contactId'],
          );
        }
        const at = deps.now();
        const { id: _id, createdAt: _c, ...fields } = existing;
        const updated = {
          ...fields,
          additionalPhones: known ? existing.additionalPhones : [...existing.additionalPhones, { number: phone }],
          // A contact keeps its one source; the number's source becomes a tag, plus the number's tag.
          tags: withTags(existing.tags, [record.source, record.tag]),
          // A contact without an agent gets the claimer, so the caller's next call rings somebody.
          primaryAgentId: existing.primaryAgentId ?? actor.id,
        };
        repos.contacts.update(actor.orgId, existing.id, updated, at);
        deps.notifications.linkContact(record.id, existing.id, at);
        const contact = repos.contacts.find(actor.orgId, existing.id)!;
        backfill(actor, record, contact, 'associated the caller with this contact', at);
        return { record, won, contact };
      });
      return { notification: finish(actor, result.record, result.won), contact: result.contact };
    },
  };
}
