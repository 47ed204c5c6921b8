import { useQuery } from '@tanstack/react-query';
import { notificationsQuery } from './notifications-query';
import { openFor } from './notifications-cache';

/** How many unknown callers wait for this agent to claim them: the navigation's count, live with the cache. */
export function useOpenCount(meId: string): number {
  return useQuery({ ...notificationsQuery, select: (list) => openFor(list, meId).length }).data ?? 0;
}
