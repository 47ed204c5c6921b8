import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { numberListSchema, numberViewSchema, type NumberView } from '../../../common/api/numbers';
import type { CompanyNumberSettings } from '../../../common/domain/company-number';

export const numbersQuery = queryOptions({
  queryKey: ['numbers'],
  queryFn: () => api('/api/numbers', numberListSchema),
});

export type CompanyNumberView = Extract<NumberView, { kind: 'company' }>;

/** The organisation's company numbers (usually one). */
export function useCompanyNumbers() {
  return useQuery({ ...numbersQuery, select: (list) => list.filter((n): n is CompanyNumberView => n.kind === 'company') });
}

/** After a save the answer is the number as it now stands; every number list is refetched. */
export function useNumberSaved() {
  const queryClient = useQueryClient();
  return (view: NumberView) => {
    queryClient.setQueryData(numbersQuery.queryKey, (list) => list?.map((n) => (n.id === view.id ? view : n)));
    queryClient.setQueryData(['numbers', view.id], view);
    return queryClient.invalidateQueries({ queryKey: ['numbers'] });
  };
}

export function useSaveCompanySettings(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: CompanyNumberSettings) => api(`/api/numbers/${encodeURIComponent(id)}/company`, numberViewSchema, { method: 'PUT', body }),
    onSuccess: saved,
  });
}
