import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client';
import { queryKeys } from '../../app/query-keys';
import { boardSnapshotSchema, timelineSchema, type SupervisorSetPresence } from '../../common/api/board';
import { presenceSchema } from '../../common/presence';

/** Activity and numbers of the board; presence itself comes from the feed. Refetched after a reconnect. */
export const boardSnapshotQuery = queryOptions({
  queryKey: queryKeys.board.snapshot,
  queryFn: () => api('/api/supervisor/board', boardSnapshotSchema),
  staleTime: Infinity,
});

export const timelineQuery = (staffId: string, day?: string) =>
  queryOptions({
    queryKey: queryKeys.board.timeline(staffId, day),
    queryFn: () =>
      api(`/api/supervisor/agents/${encodeURIComponent(staffId)}/timeline${day ? `?day=${day}` : ''}`, timelineSchema),
  });

const agentPath = (staffId: string, what: string) => `/api/supervisor/agents/${encodeURIComponent(staffId)}/${what}`;

/** A supervisor sets an agent Away or Available; the board learns the result from the feed. */
export function useSetAgentPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { staffId: string } & SupervisorSetPresence) =>
      api(agentPath(v.staffId, 'presence'), presenceSchema, {
        method: 'POST',
        body: { state: v.state, reasonId: v.reasonId },
      }),
    onSuccess: (_p, v) => void queryClient.invalidateQueries({ queryKey: ['board', 'timeline', v.staffId] }),
  });
}

export function useSignOutAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (staffId: string) => api(agentPath(staffId, 'sign-out'), z.null(), { method: 'POST' }),
    onSuccess: (_n, staffId) => void queryClient.invalidateQueries({ queryKey: ['board', 'timeline', staffId] }),
  });
}
