import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { changeListSchema, numberListSchema, numberViewSchema, type NumberView } from '../../../common/api/numbers';
import { dryRunResponseSchema, type DryRunRequest } from '../../../common/api/routing';
import type { BasicInfoUpdate } from '../../../common/domain/virtual-number';
import type { RoutingSettings } from '../../../common/domain/routing-settings';
import { queryKeys } from '../../../app/query-keys';

export const numbersQuery = queryOptions({
  queryKey: queryKeys.numbers.all,
  queryFn: () => api('/api/numbers', numberListSchema),
});

export const numberQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.numbers.one(id),
    queryFn: () => api(`/api/numbers/${encodeURIComponent(id)}`, numberViewSchema),
  });

export const numberChangesQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.numbers.changes(id),
    queryFn: () => api(`/api/numbers/${encodeURIComponent(id)}/changes`, changeListSchema),
  });

export const useNumbers = () => useQuery(numbersQuery);
export const useNumber = (id: string) => useQuery(numberQuery(id));
export const useNumberChanges = (id: string) => useQuery(numberChangesQuery(id));

/**
 * After any save of a number: the answer is the number as it now stands, written into the list and the
 * number's own entry at once, then every number query (list, each number, change histories) is refetched.
 */
export function useNumberSaved() {
  const queryClient = useQueryClient();
  return (view: NumberView) => {
    queryClient.setQueryData(numbersQuery.queryKey, (list) => list?.map((n) => (n.id === view.id ? view : n)));
    queryClient.setQueryData(numberQuery(view.id).queryKey, view);
    return queryClient.invalidateQueries({ queryKey: queryKeys.numbers.all });
  };
}

export function useSaveBasicInfo(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: BasicInfoUpdate) =>
      api(`/api/numbers/${encodeURIComponent(id)}/basic`, numberViewSchema, { method: 'PATCH', body }),
    onSuccess: saved,
  });
}

export function useSaveRouting(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: RoutingSettings) =>
      api(`/api/numbers/${encodeURIComponent(id)}/routing`, numberViewSchema, { method: 'PUT', body }),
    onSuccess: saved,
  });
}

/** "Who would ring?": the routing engine's decision for a hypothetical call; nothing is saved. */
export function useDryRun() {
  return useMutation({
    mutationFn: (body: DryRunRequest) => api('/api/routing/dry-run', dryRunResponseSchema, { method: 'POST', body }),
  });
}
