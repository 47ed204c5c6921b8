import type { NotificationView, TextMessage } from '../../common/notifications';
import type { Viewer } from '../domain/notification-access';
import type { NotificationDeps } from './notification-deps';
import type { NotificationRecord, TextRecord } from './notification-repo';

/** Turns stored notifications into what a viewer is shown: names, the number's display name, texts, read. */
export function viewsOf(
  deps: NotificationDeps,
  viewer: Pick<Viewer, 'id'> | null,
  records: NotificationRecord[],
): NotificationView[] {
  if (records.length === 0) return [];
  const orgId = records[0]!.orgId;
  const names = new Map(deps.repos.staff.listByOrg(orgId).map((s) => [s.id, s.name]));
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? 'a former colleague' } : null);
  const numbers = new Map(deps.repos.numbers.list(orgId).map((n) => [n.id, n]));
  const ids = records.map((r) => r.id);
  const texts = deps.notifications.texts(ids);
  const read = viewer ? deps.notifications.readBy(viewer.id, ids) : new Set<string>();
  const contactName = (id: string | null) => (id ? deps.repos.contacts.find(orgId, id)?.name : undefined);
  const textView = (t: TextRecord): TextMessage => ({
    id: t.id,
    direction: t.direction,
    body: t.body,
    at: t.at,
    staff: person(t.staffId),
    companyNumber: t.companyNumber,
    remote: t.remote,
  });
  return records.map((r) => {
    const name = contactName(r.contactId);
    return {
      id: r.id,
      kind: r.kind,
      state: r.state,
      caller: r.caller,
      number: { id: r.numberId, number: r.number, displayName: numbers.get(r.numberId)?.displayName || r.number },
      source: r.source,
      tag: r.tag,
      ringAttempts: r.ringAttempts,
      audience: r.audienceIds.map((id) => person(id)!),
      claimedBy: person(r.claimedBy),
      claimedAt: r.claimedAt,
      claimAction: r.claimAction,
      doneAt: r.doneAt,
      contact: r.contactId && name ? { id: r.contactId, name } : null,
      texts: texts.filter((t) => t.notificationId === r.id).map(textView),
      read: read.has(r.id) || r.claimedBy === viewer?.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}
