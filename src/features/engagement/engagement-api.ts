import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client';
import { contactViewSchema } from '../../common/api/contacts';
import { myBindingListSchema } from '../../common/api/me';
import { isMyData, queryKeys } from '../../app/query-keys';

export const myBindingsQuery = queryOptions({
  queryKey: queryKeys.myBindings,
  queryFn: () => api('/api/me/bindings', myBindingListSchema),
});
export const useMyBindings = () => useQuery(myBindingsQuery);

export function useReleaseBinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/me/bindings/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

/** Saves the customer as a contact with me as their primary agent. */
export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; primaryPhone: string; primaryAgentId: string }) =>
      api('/api/contacts', contactViewSchema, { method: 'POST', body: { ...body, source: 'Engagement call' } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.all });
      void queryClient.invalidateQueries({ predicate: isMyData });
    },
  });
}
