import type { NotificationPublisher } from '../notifications/notification-deps';
import type { FeedServer } from './feed-server';
import { rooms } from './feed-server';

/**
 * Notification facts go to whoever may see them (the same people `maySee` lets list them): the rule's
 * agents while unclaimed, the claimer afterwards, and the organisation's supervisors always.
 */
export function feedNotificationPublisher(io: () => FeedServer): NotificationPublisher {
  const viewers = (r: { orgId: string; audienceIds: string[]; claimedBy: string | null }) =>
    [rooms.supervisors(r.orgId), ...(r.claimedBy ? [r.claimedBy] : r.audienceIds).map(rooms.staff)];
  return {
    created: (record, view) => void io().to(viewers(record)).emit('notification:created', view),
    // The whole audience learns of the claim, so it vanishes from every list at once.
    claimed: (record, claimed) => void io().to([rooms.supervisors(record.orgId), ...record.audienceIds.map(rooms.staff)]).emit('notification:claimed', claimed),
    updated: (record) => void io().to(viewers(record)).emit('notification:updated', { id: record.id }),
    timeline: (orgId, contactId) => void io().to(rooms.org(orgId)).emit('contact:timeline-changed', { contactId }),
  };
}
