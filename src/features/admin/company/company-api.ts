import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { numberViewSchema, type NumberView } from '../../../common/api/numbers';
import type { CompanyNumberSettings } from '../../../common/domain/company-number';
import { numbersQuery, useNumberSaved } from '../numbers/numbers-api';

export type CompanyNumberView = Extract<NumberView, { kind: 'company' }>;

/** The organisation's company numbers (usually one). */
export function useCompanyNumbers() {
  return useQuery({
    ...numbersQuery,
    select: (list) => list.filter((n): n is CompanyNumberView => n.kind === 'company'),
  });
}

export function useSaveCompanySettings(id: string) {
  const saved = useNumberSaved();
  return useMutation({
    mutationFn: (body: CompanyNumberSettings) =>
      api(`/api/numbers/${encodeURIComponent(id)}/company`, numberViewSchema, { method: 'PUT', body }),
    onSuccess: saved,
  });
}
