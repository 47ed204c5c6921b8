import { parse, type core, type output } from 'zod/mini';
import { ApiRequestError } from '../common/api-request-error';
import { apiErrorSchema } from '../common/errors';

/** Calls the companion and parses the answer with the shared schema; every failure becomes an ApiRequestError. */
export async function api<T extends core.$ZodType>(
  path: string,
  schema: T,
  init: { method?: string; body?: unknown } = {},
): Promise<output<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiRequestError(0, {
      code: 'INTERNAL',
      message: 'The Switchboard server cannot be reached. Check your connection.',
    });
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse((json as { error?: unknown } | null)?.error);
    throw new ApiRequestError(
      res.status,
      parsed.success ? parsed.data : { code: 'INTERNAL', message: `Server answered ${res.status}.` },
    );
  }
  return parse(schema, json);
}
