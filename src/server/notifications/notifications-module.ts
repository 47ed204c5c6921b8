import type { Repos } from '../storage/repos';
import { createCallOutcomes } from './call-outcomes';
import { createContactTimeline } from './contact-timeline';
import { createContactsFromCalls } from './contacts-from-calls';
import type { NotificationPublisher } from './notification-deps';
import { createNotificationRepo } from './notification-repo';
import { createNotificationsService } from './notifications-service';
import { createTextsService } from './texts-service';
import { createTimelineRepo } from './timeline-repo';

/** Builds the unknown-caller side once: notifications and claims, contacts from calls, texts, timelines. */
export function createNotificationsModule(deps: {
  repos: Repos;
  publish: NotificationPublisher;
  now: () => number;
  gateway: string;
}) {
  const base = {
    repos: deps.repos,
    notifications: createNotificationRepo(deps.repos.db),
    timeline: createTimelineRepo(deps.repos.db),
    publish: deps.publish,
    now: deps.now,
  };
  const notifications = createNotificationsService(base);
  return {
    notifications,
    contactsFromCalls: createContactsFromCalls(base, notifications),
    timeline: createContactTimeline(base),
    texts: createTextsService({ ...base, gateway: deps.gateway }),
    callOutcomes: createCallOutcomes(base),
  };
}
export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
