import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../app/api-client';
import { ApiRequestError } from '../../../common/api-request-error';
import { apiErrorSchema } from '../../../common/errors';
import {
  greetingListSchema,
  greetingSchema,
  type Greeting,
  type SpokenGreetingInput,
} from '../../../common/api/voicemail';
import { queryKeys } from '../../../app/query-keys';

export const greetingsQuery = queryOptions({
  queryKey: queryKeys.greetings,
  queryFn: () => api('/api/numbers/greetings', greetingListSchema),
});
export const useGreetings = () => useQuery(greetingsQuery);

/** Uploads an audio file as it is (the server converts it); errors come back in the usual shape. */
async function uploadGreeting(input: { name: string; file: File }): Promise<Greeting> {
  const res = await fetch(`/api/numbers/greetings?name=${encodeURIComponent(input.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': input.file.type || 'application/octet-stream' },
    body: input.file,
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse((json as { error?: unknown } | null)?.error);
    throw new ApiRequestError(
      res.status,
      parsed.success ? parsed.data : { code: 'INTERNAL', message: `Server answered ${res.status}.` },
    );
  }
  return greetingSchema.parse(json);
}

export function useGreetingMutations() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: greetingsQuery.queryKey });
  return {
    upload: useMutation({ mutationFn: uploadGreeting, onSuccess: refresh }),
    spoken: useMutation({
      mutationFn: (input: SpokenGreetingInput) =>
        api('/api/numbers/greetings', greetingSchema, { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        api(`/api/numbers/greetings/${encodeURIComponent(id)}`, z.null(), { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}
