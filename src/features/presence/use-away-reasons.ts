import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { presenceSettingsViewSchema } from '../../common/api/presence-settings';
import { queryKeys } from '../../app/query-keys';

/** The organisation's wrap-up and away reasons (every member may read them). */
export const presenceSettingsQuery = queryOptions({
  queryKey: queryKeys.org.presenceSettings,
  queryFn: () => api('/api/org/presence-settings', presenceSettingsViewSchema),
});

export const useAwayReasons = () => useQuery({ ...presenceSettingsQuery, select: (v) => v.awayReasons });
