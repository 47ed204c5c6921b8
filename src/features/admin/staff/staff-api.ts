import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { staffListSchema, staffViewSchema, type NewStaffInput, type StaffUpdateInput } from '../../../common/api/staff';
import { queryKeys } from '../../../app/query-keys';

export const staffQuery = queryOptions({
  queryKey: queryKeys.staff,
  queryFn: () => api('/api/staff', staffListSchema),
});

export const useStaff = () => useQuery(staffQuery);

export function useAddStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStaffInput) => api('/api/staff', staffViewSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQuery.queryKey }),
  });
}

export function useUpdateStaff(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffUpdateInput) =>
      api(`/api/staff/${encodeURIComponent(id)}`, staffViewSchema, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQuery.queryKey }),
  });
}
