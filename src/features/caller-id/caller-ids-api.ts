import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { callerIdsViewSchema } from '../../common/api/me';
import { queryKeys } from '../../app/query-keys';

/** The numbers I may present; with a callee, the one suggested for them first and why. */
export const callerIdsQuery = (callee?: string) =>
  queryOptions({
    queryKey: queryKeys.callerIds.forCallee(callee),
    queryFn: () =>
      api(`/api/me/caller-ids${callee ? `?callee=${encodeURIComponent(callee)}` : ''}`, callerIdsViewSchema),
    staleTime: 30_000,
  });

export const useCallerIds = (callee?: string) => useQuery(callerIdsQuery(callee));

/** Remembers the choice on the server, so a new browser starts with it. */
export function useChooseCallerId() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (numberId: string) =>
      api('/api/me/caller-id', callerIdsViewSchema, { method: 'PUT', body: { numberId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.callerIds.all }),
  });
}
