import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../app/api-client';
import {
  contactImportResultSchema,
  contactListSchema,
  contactViewSchema,
  itemTypeListSchema,
  type ContactImportRequest,
  type ContactInput,
  type ItemTypeInput,
} from '../../../common/api/contacts';
import { contactItemTypeSchema, type ContactItemType } from '../../../common/domain/contact';
import { queryKeys } from '../../../app/query-keys';

export const contactsQuery = queryOptions({
  queryKey: queryKeys.contacts.all,
  queryFn: () => api('/api/contacts', contactListSchema),
});

/** By priority (`orderBy`), ties by name: the order additional phones are dialled in. */
export const byPriority = (a: ContactItemType, b: ContactItemType) =>
  a.orderBy - b.orderBy || a.name.localeCompare(b.name);

export const itemTypesQuery = queryOptions({
  queryKey: queryKeys.contactItemTypes,
  queryFn: async () => (await api('/api/contact-item-types', itemTypeListSchema)).sort(byPriority),
});

export const useContacts = () => useQuery(contactsQuery);
export const useItemTypes = () => useQuery(itemTypesQuery);

/** Creates the contact (no id) or replaces it. */
export function useSaveContact(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) =>
      id
        ? api(`/api/contacts/${encodeURIComponent(id)}`, contactViewSchema, { method: 'PUT', body })
        : api('/api/contacts', contactViewSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQuery.queryKey }),
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/contacts/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQuery.queryKey }),
  });
}

export function useSaveItemType(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ItemTypeInput) =>
      id
        ? api(`/api/contact-item-types/${encodeURIComponent(id)}`, contactItemTypeSchema, { method: 'PUT', body })
        : api('/api/contact-item-types', contactItemTypeSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: itemTypesQuery.queryKey }),
  });
}

/** Phones of a deleted type stay on their contacts, untyped. */
export function useDeleteItemType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/api/contact-item-types/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: itemTypesQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: contactsQuery.queryKey }),
      ]),
  });
}

export function useImportContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactImportRequest) =>
      api('/api/contacts/import', contactImportResultSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQuery.queryKey }),
  });
}
