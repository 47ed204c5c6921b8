import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client';
import { callHistoryItemSchema } from '../../common/calls';
import { queryKeys } from '../../app/query-keys';

export const callHistoryQuery = queryOptions({
  queryKey: queryKeys.calls,
  queryFn: () => api('/api/calls', z.array(callHistoryItemSchema)),
});

export const useCallHistory = () => useQuery(callHistoryQuery);
