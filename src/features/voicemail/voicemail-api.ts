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
