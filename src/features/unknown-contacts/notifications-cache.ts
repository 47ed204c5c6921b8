import type { QueryClient } from '@tanstack/react-query';
import type { NotificationClaimed, NotificationView } from '../../common/notifications';
import { notificationsQuery } from './notifications-query';

/**
 * Feed facts → the notifications cache. A new one is added at the top (once); a claim marks it claimed
 * by whoever won, so it leaves every open list at once; anything else refetches.
 */
export const notificationsCache = {
  created(qc: QueryClient, n: NotificationView) {
    qc.setQueryData(notificationsQuery.queryKey, (list) =>
      list ? (list.some((x) => x.id === n.id) ? list : [n, ...list]) : list,
    );
  },
  claimed(qc: QueryClient, c: NotificationClaimed) {
    qc.setQueryData(notificationsQuery.queryKey, (list) =>
      list?.map((x) =>
        x.id === c.id && x.state === 'unclaimed'
          ? {
              ...x,
              state: 'claimed' as const,
              claimedBy: c.claimedBy,
              claimedAt: c.claimedAt,
              claimAction: c.claimAction,
            }
          : x,
      ),
    );
  },
  /** Our own answer from the server replaces the cached one. */
  replace(qc: QueryClient, n: NotificationView) {
    qc.setQueryData(notificationsQuery.queryKey, (list) => list?.map((x) => (x.id === n.id ? n : x)));
  },
  updated(qc: QueryClient) {
    void qc.invalidateQueries({ queryKey: notificationsQuery.queryKey });
  },
};

/** The open ones an agent may claim, and the ones they hold. */
export const openFor = (list: NotificationView[], meId: string) =>
  list.filter((n) => n.state === 'unclaimed' && n.audience.some((a) => a.id === meId));
export const followUpsOf = (list: NotificationView[], meId: string) =>
  list.filter((n) => n.state === 'claimed' && n.claimedBy?.id === meId);
export const unreadCount = (open: NotificationView[]) => open.filter((n) => !n.read).length;
