import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { timelineEntrySchema, timelineSchema } from '../../common/notifications';
import { queryKeys } from '../../app/query-keys';

export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.contacts.timeline(id),
    queryFn: () => api(`/api/contacts/${encodeURIComponent(id)}/timeline`, timelineSchema),
  });
export const useTimeline = (id: string) => useQuery(timelineQuery(id));
export const addNote = (id: string, body: string) =>
  api(`/api/contacts/${encodeURIComponent(id)}/notes`, timelineEntrySchema, { method: 'POST', body: { body } });
