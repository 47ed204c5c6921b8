import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { contactSchema } from '../../common/domain/contact';
import { timelineEntrySchema, timelineSchema } from '../../common/notifications';

export const contactQuery = (id: string) => queryOptions({ queryKey: ['contacts', id], queryFn: () => api(`/api/contacts/${encodeURIComponent(id)}`, contactSchema) });
export const timelineQuery = (id: string) =>
  queryOptions({ queryKey: ['contacts', id, 'timeline'], queryFn: () => api(`/api/contacts/${encodeURIComponent(id)}/timeline`, timelineSchema) });
export const useContact = (id: string) => useQuery(contactQuery(id));
export const useTimeline = (id: string) => useQuery(timelineQuery(id));
export const addNote = (id: string, body: string) => api(`/api/contacts/${encodeURIComponent(id)}/notes`, timelineEntrySchema, { method: 'POST', body: { body } });
