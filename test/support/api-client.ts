import type { Harness } from './companion-harness';

// The tests read answers' fields directly and assert them; the companion's own schemas check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whichever field it asserts
export type ApiAnswer = { status: number; body: any };

/** JSON over real HTTP as a signed-in browser on the companion's own origin would send it. */
export function apiAs(h: Harness, cookie: string) {
  const call = async (method: string, path: string, body?: unknown): Promise<ApiAnswer> => {
    const res = await fetch(`${h.url}${path}`, {
      method,
      headers: { cookie, origin: h.origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    del: (path: string) => call('DELETE', path),
  };
}
export type Api = ReturnType<typeof apiAs>;
