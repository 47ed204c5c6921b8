import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { contactPageSchema, contactViewSchema } from '../../common/api/contacts';
import { queryKeys } from '../../app/query-keys';

export const PAGE_SIZE = 25;

/** A page of the organisation's contacts matching `q` (name or any phone), searched by the server. */
export const contactSearchQuery = (q: string, offset: number) =>
  queryOptions({
    queryKey: queryKeys.contacts.search(q, offset),
    queryFn: () =>
      api(`/api/contacts/search?q=${encodeURIComponent(q)}&offset=${offset}&limit=${PAGE_SIZE}`, contactPageSchema),
    placeholderData: keepPreviousData,
  });

export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.contacts.one(id),
    queryFn: () => api(`/api/contacts/${encodeURIComponent(id)}`, contactViewSchema),
  });

export const useContactSearch = (q: string, offset: number) => useQuery(contactSearchQuery(q, offset));
export const useContact = (id: string) => useQuery(contactQuery(id));
