import { vi } from 'vitest';

export type FakeAnswer = { status?: number; json?: unknown };
export type FakeHandler = (req: { method: string; path: string; body: unknown }) => FakeAnswer;

/**
 * A stand-in for the companion's HTTP API in component tests: routes by "METHOD /path", records every call.
 * Install with `vi.stubGlobal('fetch', api.fetch)`.
 */
export function fakeApi(routes: Record<string, FakeHandler>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: input, body });
    const handler = routes[`${method} ${input}`];
    if (!handler)
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no route ${method} ${input}` } }), {
        status: 404,
      });
    const answer = handler({ method, path: input, body });
    return new Response(answer.json === undefined ? null : JSON.stringify(answer.json), {
      status: answer.status ?? 200,
    });
  });
  return { fetch, calls };
}

/** The error body the companion answers a refused request with. */
export const invalid = (path: (string | number)[], message: string): FakeAnswer => ({
  status: 400,
  json: { error: { code: 'INVALID_INPUT', message: `${path.join('.')}: ${message}`, path } },
});
