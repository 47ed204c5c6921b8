import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { changeListSchema, numberListSchema, numberViewSchema, type NumberView } from '../../../common/api/numbers';
import { dryRunResponseSchema, type DryRunRequest } from '../../../common/api/routing';
import { staffListSchema } from '../../../common/api/staff';
import type { BasicInfoUpdate } from '../../../common/domain/virtual-number';
import type { RoutingSettings } from '../../../common/domain/routing-settings';

export const numbersQuery = queryOptions({
  queryKey: ['numbers'],
  queryFn: () => api('/api/numbers', numberListSchema),
});

export const numberQuery = (id: string) =>
  queryOptions({
    queryKey: ['numbers', id],
    queryFn: () => api(`/api/numbers/${encodeURIComponent(id)}`, numberViewSchema),
  });

export const numberChangesQuery = (id: string) =>
  queryOptions({
    queryKey: ['numbers', id, 'changes'],
    queryFn: () => api(`/api/numbers/${encodeURIComponent(id)}/changes`, changeListSchema),
  });

export const staffQuery = queryOptions({
  queryKey: ['staff'],
  queryFn: () => api('/api/staff', staffListSchema),
});

export const useNumbers = () => useQuery(numbersQuery);
export const useNumber = (id: string) => useQuery(numberQuery(id));
export const useNumberChanges = (id: string) => useQuery(numberChangesQuery(id));
export const useStaff = () => useQuery(staffQuery);

/** After a save: the answer is the number as it now stands; the list and the change history are refetched. */
function useNumberSaved() {
  const queryClient = useQueryClient();
  return (view: NumberView) => {
    queryClient.setQueryData(numberQuery(view.id).queryKey, view);
    return queryClient.invalidateQueries({ queryKey: ['numbers'] });
  };
}

export function useSaveBasicInfo(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: BasicInfoUpdate) => api(`/api/numbers/${encodeURIComponent(id)}/basic`, numberViewSchema, { method: 'PATCH', body }),
    onSuccess: saved,
  });
}

export function useSaveRouting(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: RoutingSettings) => api(`/api/numbers/${encodeURIComponent(id)}/routing`, numberViewSchema, { method: 'PUT', body }),
    onSuccess: saved,
  });
}

/** "Who would ring?": the routing engine's decision for a hypothetical call; nothing is saved. */
export function useDryRun() {
  return useMutation({
    mutationFn: (body: DryRunRequest) => api('/api/routing/dry-run', dryRunResponseSchema, { method: 'POST', body }),
  });
}
