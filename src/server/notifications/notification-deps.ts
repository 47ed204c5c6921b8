import type { NotificationClaimed, NotificationView } from '../../common/notifications';
import type { Repos } from '../storage/repos';
import type { NotificationRecord, NotificationRepo } from './notification-repo';
import type { TimelineRepo } from './timeline-repo';

/** Pushes notification facts to whoever may see them (the feed implements it). */
export interface NotificationPublisher {
  /** A new notification: to its audience and the organisation's supervisors. */
  created(record: NotificationRecord, view: NotificationView): void;
  /** Claimed: every viewer but the winner drops it from their open list at once. */
  claimed(record: NotificationRecord, claimed: NotificationClaimed): void;
  /** Something else changed (a text, done, a contact): viewers refetch it. */
  updated(record: NotificationRecord): void;
  /** A contact's timeline grew. */
  timeline(orgId: string, contactId: string): void;
}

export type NotificationDeps = {
  repos: Repos;
  notifications: NotificationRepo;
  timeline: TimelineRepo;
  publish: NotificationPublisher;
  now: () => number;
};
