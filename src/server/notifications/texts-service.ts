import { randomUUID } from 'node:crypto';
import { isExtension } from '../../common/dial-plan';
import { toE164 } from '../../common/domain/phone-number';
import type { CompanyNumber } from '../../common/domain/virtual-number';
import { textBodySchema } from '../../common/notifications';
import type { TextHookAnswer, TextHookQuery } from '../../common/text-hooks';
import { matchContacts, unknownCallerRule } from '../routing/company-number';
import type { NotificationDeps } from './notification-deps';
import type { NotificationRecord } from './notification-repo';
import { viewsOf } from './notification-views';

const plusE164 = (v: string) => toE164(v.startsWith('+') ? v : `+${v}`);

/**
 * Texts over SIP MESSAGE. Inbound to a company number: from an unknown number → an unclaimed text
 * notification for the rule's agents (the same claim race as a missed call), further texts join the open
 * conversation; from a known contact → their primary agent, on the contact's timeline. Outbound: the
 * companion decides who the agent texts as (the company number of their conversation), never the browser.
 */
export function createTextsService(deps: NotificationDeps & { gateway: string }) {
  const { repos, notifications } = deps;
  const sipId = (q: TextHookQuery) => `${q.callId}:${q.cseq}`;
  const staffIdByExtension = repos.db.prepare('SELECT id FROM staff WHERE extension = ?').pluck();
  const staffByExtension = (ext: string) => {
    const id = staffIdByExtension.get(ext) as string | undefined;
    return id ? repos.staff.findById(id) : undefined;
  };

  function logText(
    n: NotificationRecord,
    contactIds: string[],
    text: { id: string; direction: 'inbound' | 'outbound'; body: string; at: number; staffId: string | null },
    line: string,
  ) {
    for (const contactId of contactIds) {
      const summary = text.direction === 'inbound' ? `Text to ${line}` : `Text from ${line}`;
      const added = deps.timeline.add({
        id: `tl-${randomUUID()}`,
        orgId: n.orgId,
        contactId,
        kind: 'text',
        at: text.at,
        staffId: text.staffId,
        summary,
        body: text.body,
        direction: text.direction,
        refId: text.id,
      });
      if (added) deps.publish.timeline(n.orgId, contactId);
    }
  }

  function conversationFor(
    orgId: string,
    number: CompanyNumber,
    caller: string,
    now: number,
  ): { record: NotificationRecord; isNew: boolean; contactIds: string[] } {
    const contacts = repos.contacts.list(orgId, { phone: caller });
    const match = matchContacts(caller, contacts);
    const open = notifications.openConversation(orgId, number.id, caller);
    if (open && (!match || open.claimedBy !== null)) {
      return { record: open, isNew: false, contactIds: match?.contactIds ?? (open.contactId ? [open.contactId] : []) };
    }
    const base = {
      id: `notif-${randomUUID()}`,
      orgId,
      kind: 'text' as const,
      callId: null,
      numberId: number.id,
      number: number.number,
      caller,
      source: number.company.source,
      tag: number.company.tag,
      ringAttempts: 0,
      createdAt: now,
    };
    if (match) {
      notifications.insert({
        ...base,
        audienceIds: [match.staffId],
        claimedBy: { staffId: match.staffId, action: 'routed' },
      });
      const record = notifications.find(base.id)!;
      notifications.linkContact(record.id, match.contactIds[0]!, now);
      return { record: notifications.find(base.id)!, isNew: true, contactIds: match.contactIds };
    }
    notifications.insert({ ...base, audienceIds: unknownCallerRule(number, new Date(now)).staffIds });
    return { record: notifications.find(base.id)!, isNew: true, contactIds: [] };
  }

  return {
    inbound(q: TextHookQuery, rawBody: string | null): TextHookAnswer {
      const dialled = plusE164(q.to);
      const found = dialled ? repos.numbers.findByE164(dialled) : undefined;
      if (!found || found.number.kind !== 'company')
        return { action: 'reject', code: 404, reason: 'Not a company number' };
      const body = textBodySchema.safeParse(rawBody);
      if (!body.success) return { action: 'reject', code: 400, reason: 'Bad Text Body' };
      const { orgId, number } = found;
      const caller = plusE164(q.from) ?? q.from;
      const now = deps.now();
      const { record, isNew } = repos.transaction(() => {
        const conv = conversationFor(orgId, number, caller, now);
        const text = {
          id: `text-${randomUUID()}`,
          orgId,
          notificationId: conv.record.id,
          direction: 'inbound' as const,
          companyNumber: number.number,
          remote: caller,
          staffId: null,
          body: body.data,
          sipCallId: sipId(q),
          at: now,
        };
        // A retransmitted MESSAGE (same Call-ID and CSeq) is stored once.
        if (!notifications.insertText(text)) return { ...conv, isNew: false };
        notifications.touch(conv.record.id, now);
        logText(conv.record, conv.contactIds, text, number.displayName || number.number);
        return conv;
      });
      const after = notifications.find(record.id)!;
      if (isNew) deps.publish.created(after, viewsOf(deps, null, [after])[0]!);
      else deps.publish.updated(after);
      return { action: 'accept' };
    },

    /** An agent texts a number: as the company number of their latest conversation with it, or not at all. */
    outbound(q: TextHookQuery, rawBody: string | null): TextHookAnswer {
      const staff = isExtension(q.from) ? staffByExtension(q.from) : undefined;
      if (!staff) return { action: 'reject', code: 403, reason: 'Unknown Sender' };
      const to = plusE164(q.to);
      if (!to) return { action: 'reject', code: 404, reason: 'Not A Phone Number' };
      const body = textBodySchema.safeParse(rawBody);
      if (!body.success) return { action: 'reject', code: 400, reason: 'Bad Text Body' };
      const conv = notifications.latestClaimedWith(staff.orgId, staff.id, to);
      if (!conv) return { action: 'reject', code: 403, reason: 'No Conversation With This Number' };
      const now = deps.now();
      const text = {
        id: `text-${randomUUID()}`,
        orgId: staff.orgId,
        notificationId: conv.id,
        direction: 'outbound' as const,
        companyNumber: conv.number,
        remote: to,
        staffId: staff.id,
        body: body.data,
        sipCallId: sipId(q),
        at: now,
      };
      const stored = repos.transaction(() => {
        if (!notifications.insertText(text)) return false;
        notifications.touch(conv.id, now);
        const line = repos.numbers.find(staff.orgId, conv.numberId)?.displayName || conv.number;
        logText(conv, conv.contactId ? [conv.contactId] : [], text, line);
        return true;
      });
      if (stored) deps.publish.updated(notifications.find(conv.id)!);
      return { action: 'relay', from: conv.number, target: `sip:${to}@${deps.gateway}` };
    },
  };
}
export type TextsService = ReturnType<typeof createTextsService>;
