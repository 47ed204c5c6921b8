import { randomUUID } from 'node:crypto';
import { contactPhones, type Contact } from '../../common/domain/contact';
import { noteRequestSchema, contactSearchQuerySchema, type TimelineEntry } from '../../common/notifications';
import type { Actor } from '../domain/actor';
import { getContact } from '../domain/contacts';
import type { NotificationDeps } from './notification-deps';

const TIMELINE_LIMIT = 500;
const SEARCH_LIMIT = 20;

/** A contact's timeline (calls, texts, claims, notes) and the contact search of the associate picker. */
export function createContactTimeline(deps: NotificationDeps) {
  return {
    list(actor: Actor, contactId: string): TimelineEntry[] {
      getContact(deps, actor, contactId);
      return deps.timeline.list(actor.orgId, contactId, TIMELINE_LIMIT);
    },
    addNote(actor: Actor, contactId: string, body: unknown): TimelineEntry {
      getContact(deps, actor, contactId);
      const { body: text } = noteRequestSchema.parse(body);
      const id = `tl-${randomUUID()}`;
      deps.timeline.add({
        id,
        orgId: actor.orgId,
        contactId,
        kind: 'note',
        at: deps.now(),
        staffId: actor.id,
        summary: `Note by ${actor.name}`,
        body: text,
        direction: null,
        refId: id,
      });
      deps.publish.timeline(actor.orgId, contactId);
      return deps.timeline.list(actor.orgId, contactId, 1)[0]!;
    },
    /** By name (any part, any case) or by number (digits anywhere in any of the contact's phones). */
    search(actor: Actor, query: unknown): Contact[] {
      const { q } = contactSearchQuerySchema.parse(query);
      const lower = q.toLowerCase();
      const digits = q.replace(/[^0-9]/g, '');
      return deps.repos.contacts
        .list(actor.orgId)
        .filter(
          (c) =>
            c.name.toLowerCase().includes(lower) ||
            (digits.length >= 3 && contactPhones(c).some((p) => p.replace(/[^0-9]/g, '').includes(digits))),
        )
        .slice(0, SEARCH_LIMIT);
    },
  };
}
