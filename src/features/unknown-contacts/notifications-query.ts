import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { notificationListSchema } from '../../common/notifications';
import { queryKeys } from '../../app/query-keys';

/** The open notifications: read by the panels, kept up to date by the feed (`notifications-cache.ts`). */
export const notificationsQuery = queryOptions({
  queryKey: queryKeys.notifications,
  queryFn: () => api('/api/notifications', notificationListSchema),
});
export const useNotifications = () => useQuery(notificationsQuery);
