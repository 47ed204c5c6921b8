import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { numberViewSchema, type MainSettingsInput, type NumberView } from '../../../common/api/numbers';
import { businessHoursViewSchema } from '../../../common/api/org';
import type { BusinessHours } from '../../../common/domain/business-hours';
import { numbersQuery, useNumberSaved } from '../numbers/numbers-api';
import { queryKeys } from '../../../app/query-keys';

export type MainNumberView = Extract<NumberView, { kind: 'main' }>;

/** The organisation's main number, or null when it has none. */
export function useMainNumber() {
  return useQuery({
    ...numbersQuery,
    select: (list) => list.find((n): n is MainNumberView => n.kind === 'main') ?? null,
  });
}

export function useSaveMainSettings(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: MainSettingsInput) =>
      api(`/api/numbers/${encodeURIComponent(id)}/main`, numberViewSchema, { method: 'PUT', body }),
    onSuccess: saved,
  });
}

/** Back to the factory PIN; the PIN itself never reaches the browser. */
export function useResetPin(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: () =>
      api(`/api/numbers/${encodeURIComponent(id)}/main/reset-pin`, numberViewSchema, { method: 'POST' }),
    onSuccess: saved,
  });
}

export function useSetPin(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (pin: string) =>
      api(`/api/numbers/${encodeURIComponent(id)}/main/pin`, numberViewSchema, { method: 'POST', body: { pin } }),
    onSuccess: saved,
  });
}

export const businessHoursQuery = queryOptions({
  queryKey: queryKeys.org.businessHours,
  queryFn: () => api('/api/org/business-hours', businessHoursViewSchema),
});

export const useBusinessHours = () => useQuery(businessHoursQuery);

export function useSaveBusinessHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BusinessHours) =>
      api('/api/org/business-hours', businessHoursViewSchema, { method: 'PUT', body }),
    onSuccess: (view) => queryClient.setQueryData(businessHoursQuery.queryKey, view),
  });
}
