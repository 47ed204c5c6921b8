import type { BoardActivity } from '../../common/api/board';
import type { Presence } from '../../common/presence';
import type { CallPublisher } from '../domain/call-notices';
import type { NotificationPublisher } from '../notifications/notification-deps';
import type { VoicemailPublisher } from '../voicemail/inbox';
import { rooms, type FeedServer } from './feed-socket';

/** Presence goes to the agent and to the organisation's supervisors. */
export function publishPresence(io: FeedServer, orgId: string, p: Presence): void {
  io.to(rooms.supervisors(orgId)).to(rooms.staff(p.staffId)).emit('presence:changed', p);
}

/** Which contact Kamailio holds for an agent's extension goes to that agent's own tabs only. */
export function publishRegistration(io: FeedServer, staffId: string, contact: string): void {
  io.to(rooms.staff(staffId)).emit('phone:registered', { contact });
}

/** Board activity (calls, today's counts) goes to the organisation's supervisors and admins, never to agents. */
export function publishBoardActivity(io: FeedServer, orgId: string, activity: BoardActivity[]): void {
  if (activity.length) io.to(rooms.supervisors(orgId)).emit('board:activity', activity);
}

/**
 * Whether a supervisor or admin of the organisation has a feed open on this companion (its supervisors' room has a
 * socket), so board activity is worth reading. The in-memory adapter's rooms are this process's sockets: a
 * cluster adapter would have to ask every companion.
 */
export function boardWatched(io: FeedServer, orgId: string): boolean {
  return (io.of('/').adapter.rooms.get(rooms.supervisors(orgId))?.size ?? 0) > 0;
}

/** Call facts go to the agents concerned; history changes also to the organisation's supervisors. */
export function feedCallPublisher(io: () => FeedServer): CallPublisher {
  return {
    offered: (staffIds, offer) => void io().to(staffIds.map(rooms.staff)).emit('call:offered', offer),
    resolved: (staffIds, resolved) => void io().to(staffIds.map(rooms.staff)).emit('call:resolved', resolved),
    updated: (orgId, staffIds, sipCallId) =>
      void io()
        .to([rooms.supervisors(orgId), ...staffIds.map(rooms.staff)])
        .emit('call:updated', { sipCallId }),
  };
}

/** Voicemail facts go to everyone who may hear the box. */
export function feedVoicemailPublisher(io: () => FeedServer): VoicemailPublisher {
  return {
    created: (staffIds, message) =>
      void (staffIds.length && io().to(staffIds.map(rooms.staff)).emit('voicemail:created', message)),
    changed: (staffIds, id) =>
      void (staffIds.length && io().to(staffIds.map(rooms.staff)).emit('voicemail:changed', { id })),
  };
}

/**
 * Notification facts go to whoever may see them (the same people `maySee` lets list them): the rule's
 * agents while unclaimed, the claimer afterwards, and the organisation's supervisors always.
 */
export function feedNotificationPublisher(io: () => FeedServer): NotificationPublisher {
  const viewers = (r: { orgId: string; audienceIds: string[]; claimedBy: string | null }) => [
    rooms.supervisors(r.orgId),
    ...(r.claimedBy ? [r.claimedBy] : r.audienceIds).map(rooms.staff),
  ];
  return {
    created: (record, view) => void io().to(viewers(record)).emit('notification:created', view),
    // The whole audience learns of the claim, so it vanishes from every list at once.
    claimed: (record, claimed) =>
      void io()
        .to([rooms.supervisors(record.orgId), ...record.audienceIds.map(rooms.staff)])
        .emit('notification:claimed', claimed),
    updated: (record) => void io().to(viewers(record)).emit('notification:updated', { id: record.id }),
    timeline: (orgId, contactId) => void io().to(rooms.org(orgId)).emit('contact:timeline-changed', { contactId }),
  };
}
