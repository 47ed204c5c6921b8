import { randomUUID } from 'node:crypto';
import type { CallOffer, CallRecord } from '../storage/call-repo';
import type { CallOutcomes } from '../domain/call-notices';
import type { NotificationDeps } from './notification-deps';
import type { NewNotification } from './notification-repo';
import { viewsOf } from './notification-views';

/**
 * What a settled call leaves behind. An unknown caller of a company number: missed → one unclaimed
 * notification for the rule's agents; answered → a record only the answering agent sees. A known contact's
 * call: an entry on the timeline of every contact the routing logged it on.
 */
export function createCallOutcomes(deps: NotificationDeps): CallOutcomes {
  const lineOf = (call: CallRecord) => {
    const found = deps.repos.numbers.findByE164(call.number);
    return found?.number.kind === 'company' ? found.number : undefined;
  };
  const nameOf = (call: CallRecord, id: string) => deps.repos.staff.findInOrg(call.orgId, id)?.name ?? 'an agent';

  function notify(
    call: CallRecord,
    n: Omit<
      NewNotification,
      'id' | 'orgId' | 'callId' | 'numberId' | 'number' | 'caller' | 'source' | 'tag' | 'createdAt'
    >,
  ) {
    const line = lineOf(call);
    if (!line) return;
    const record: NewNotification = {
      id: `notif-${randomUUID()}`,
      orgId: call.orgId,
      callId: call.id,
      numberId: call.numberId,
      number: call.number,
      caller: call.caller,
      source: line.company.source,
      tag: line.company.tag,
      createdAt: deps.now(),
      ...n,
    };
    // The call id is unique: an outcome reported twice still makes one notification.
    if (!deps.notifications.insert(record)) return;
    const stored = deps.notifications.find(record.id)!;
    deps.publish.created(stored, viewsOf(deps, null, [stored])[0]!);
  }

  /** The summary is worded only when there is a contact to log the call on (most calls have none). */
  function logOnContacts(call: CallRecord, summary: () => string, staffId: string | null) {
    const contactIds = call.plan.logContactIds ?? [];
    if (contactIds.length === 0) return;
    const text = summary();
    for (const contactId of contactIds) {
      const added = deps.timeline.add({
        id: `tl-${randomUUID()}`,
        orgId: call.orgId,
        contactId,
        kind: 'call',
        at: call.startedAt,
        staffId,
        summary: text,
        body: null,
        direction: 'inbound',
        refId: call.id,
      });
      if (added) deps.publish.timeline(call.orgId, contactId);
    }
  }

  const lineName = (call: CallRecord) => deps.repos.numbers.findByE164(call.number)?.number.displayName || call.number;

  return {
    missed(call: CallRecord, offers: CallOffer[]) {
      if (call.plan.notifyStaffIds) {
        notify(call, { kind: 'missed-call', ringAttempts: offers.length, audienceIds: call.plan.notifyStaffIds });
      }
      logOnContacts(call, () => `Missed call to ${lineName(call)}`, null);
    },
    answered(call: CallRecord, staffId: string) {
      if (call.plan.notifyStaffIds) {
        notify(call, {
          kind: 'answered-call',
          ringAttempts: 1,
          audienceIds: [staffId],
          claimedBy: { staffId, action: 'answered' },
        });
      }
      logOnContacts(call, () => `Call to ${lineName(call)}, answered by ${nameOf(call, staffId)}`, staffId);
    },
  };
}
