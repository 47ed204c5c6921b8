import { hookToken } from '../../src/server/auth/hook-token';
import { apiAs, type Api } from './api-client';
import { nextEvent, openFeed, signIn, type Harness, type TestFeed } from './companion-harness';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';

export const COMPANY = { id: 'num-company', number: '+442079460000' };
export const STAFF_IDS = { alice: 'staff-alice', bob: 'staff-bob', carol: 'staff-carol', dave: 'staff-dave' } as const;

/** The company number's unknown callers go to a blast of Alice, Bob and Carol at any hour. */
export async function blastAliceBobCarol(admin: Api, ringTimeoutSeconds = 5): Promise<void> {
  const current = await admin.get(`/api/numbers/${COMPANY.id}`);
  const res = await admin.put(`/api/numbers/${COMPANY.id}/company`, {
    ...current.body.company,
    customRules: [],
    defaultRule: { kind: 'blast', staffIds: [STAFF_IDS.alice, STAFF_IDS.bob, STAFF_IDS.carol], ringTimeoutSeconds },
  });
  if (res.status !== 200) throw new Error(`company settings: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Kamailio's side of the hooks, over real HTTP with the hook token. */
export function hooksOf(h: Harness, secret: string) {
  const query = (params: Record<string, string | number>) =>
    new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  // Kamailio's side: the loopback hook listener, the token in its header.
  const token = { [HOOK_TOKEN_HEADER]: hookToken(secret) };
  return {
    async route(params: Record<string, string | number>) {
      const res = await fetch(`${h.hookUrl}/internal/sip/route?${query(params)}`, { headers: token });
      return { status: res.status, body: await res.json() };
    },
    /** A fact Kamailio observed (who answered is Kamailio's word, never the page's). */
    async event(params: Record<string, string | number>) {
      const res = await fetch(`${h.hookUrl}/internal/sip/event?${query(params)}`, { headers: token });
      return { status: res.status, body: await res.json() };
    },
    async text(
      direction: 'in' | 'out',
      params: { from: string; to: string; callId: string; cseq?: string },
      body: string | Uint8Array,
    ) {
      const res = await fetch(`${h.hookUrl}/internal/sip/text-${direction}?${query({ cseq: '1', ...params })}`, {
        method: 'POST',
        headers: { ...token, 'content-type': 'text/plain; charset=utf-8' },
        body: typeof body === 'string' ? body : Buffer.from(body),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}

export type Person = { api: Api; feed: TestFeed; cookie: string };

/** A signed-in staff member with the API and a live feed. */
export async function person(h: Harness, email: string, password?: string): Promise<Person> {
  const cookie = await signIn(h, email, password);
  const feed = openFeed(h, { cookie, origin: h.origin });
  await nextEvent(feed, 'presence:snapshot');
  return { api: apiAs(h, cookie), feed, cookie };
}

/** Collects every event of one name a feed receives. */
export function collect<T>(feed: TestFeed, event: string): T[] {
  const seen: T[] = [];
  (feed as unknown as { on(e: string, h: (v: T) => void): void }).on(event, (v) => seen.push(v));
  return seen;
}
