import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { api } from '../../app/api-client';
import { voicemailListSchema, voicemailMessageSchema, type VoicemailMessage } from '../../common/api/voicemail';
import { queryKeys } from '../../app/query-keys';

export const voicemailQuery = queryOptions({
  queryKey: queryKeys.voicemail,
  queryFn: () => api('/api/voicemail', voicemailListSchema),
});

export const useVoicemail = () => useQuery(voicemailQuery);

/** Messages nobody who shares the box has heard yet: the inbox's and the navigation's badge. */
export const unheardCount = (list: readonly VoicemailMessage[] | undefined) =>
  list?.filter((m) => m.heardAt === null).length ?? 0;
export const useUnheardCount = () => useQuery({ ...voicemailQuery, select: unheardCount }).data ?? 0;

export const audioUrl = (id: string) => `/api/voicemail/${encodeURIComponent(id)}/audio`;

/** The feed's `voicemail:created`: the new message goes to the top of the inbox at once. */
export function addToInbox(queryClient: QueryClient, message: VoicemailMessage) {
  queryClient.setQueryData<VoicemailMessage[]>(voicemailQuery.queryKey, (list) =>
    list ? [message, ...list.filter((m) => m.id !== message.id)] : list,
  );
  if (!queryClient.getQueryData(voicemailQuery.queryKey))
    void queryClient.invalidateQueries({ queryKey: voicemailQuery.queryKey });
}

export function useMarkHeard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/api/voicemail/${encodeURIComponent(id)}/heard`, voicemailMessageSchema, { method: 'POST' }),
    onSuccess: (updated) =>
      queryClient.setQueryData<VoicemailMessage[]>(voicemailQuery.queryKey, (list) =>
        list?.map((m) => (m.id === updated.id ? updated : m)),
      ),
  });
}

export function useDeleteMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/voicemail/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
    onSuccess: (_none, id) =>
      queryClient.setQueryData<VoicemailMessage[]>(voicemailQuery.queryKey, (list) => list?.filter((m) => m.id !== id)),
  });
}
