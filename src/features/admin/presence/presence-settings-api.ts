import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { presenceSettingsViewSchema, type PresenceSettingsView } from '../../../common/api/presence-settings';
import { presenceSettingsQuery } from '../../presence/use-away-reasons';

export const usePresenceSettings = () => useQuery(presenceSettingsQuery);

/** One write to the settings; the answer is the settings as they are now. */
export function usePresenceSettingsWrite<T>(send: (input: T) => Promise<PresenceSettingsView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => queryClient.setQueryData(presenceSettingsQuery.queryKey, view),
  });
}

export const saveWrapUp = (wrapUpSeconds: number) =>
  api('/api/org/presence-settings/wrap-up', presenceSettingsViewSchema, { method: 'PUT', body: { wrapUpSeconds } });
export const addReason = (name: string) =>
  api('/api/org/away-reasons', presenceSettingsViewSchema, { method: 'POST', body: { name } });
export const renameReason = ({ id, name }: { id: string; name: string }) =>
  api(`/api/org/away-reasons/${encodeURIComponent(id)}`, presenceSettingsViewSchema, {
    method: 'PATCH',
    body: { name },
  });
export const removeReason = (id: string) =>
  api(`/api/org/away-reasons/${encodeURIComponent(id)}`, presenceSettingsViewSchema, { method: 'DELETE' });
