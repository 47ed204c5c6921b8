import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { api } from '../../app/api-client';
import { ApiRequestError } from '../../common/api-request-error';
import { meSchema, sipCredentialsSchema, type LoginRequest, type PasswordChange } from '../../common/auth';
import { queryKeys } from '../../app/query-keys';

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async () => {
    try {
      return await api('/api/auth/me', meSchema);
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: Infinity,
});

export const signIn = (body: LoginRequest) => api('/api/auth/login', meSchema, { method: 'POST', body });
export const signOut = () => api('/api/auth/logout', z.null(), { method: 'POST' });
export const fetchSipCredentials = () => api('/api/sip/credentials', sipCredentialsSchema);
export const changePassword = (body: PasswordChange) => api('/api/auth/password', z.null(), { method: 'POST', body });
