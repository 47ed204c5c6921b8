// The routing hook never decides on stale data: each change an admin makes through the API, and each presence
// choice an agent makes over the feed, reaches the very next call's decision. Each test first routes a call so
// the companion holds the data in its cache, then changes it, then asks the routing hook again at once.
import { HOOK_TOKEN_HEADER, type HookAction } from '../../src/common/sip-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';
import { routableAgent } from '../support/registration';

const SECRET = 'fresh-routing-secret-0123456789';
const CALLER = '+447400555001';
let h: Harness;
let admin: Api;
const feeds: Record<string, TestFeed> = {};
let calls = 0;

beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, PSTN_GATEWAY: '127.0.0.2:5080', SIP_DOMAIN: 'sb.test' });
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  for (const who of ['alice', 'bob', 'carol', 'dave']) feeds[who] = await routableAgent(h, `${who}@acme.test`);
});
afterAll(async () => {
  for (const f of Object.values(feeds)) f.disconnect();
  await h.stop();
});

/** Kamailio asks where a new call to `to` rings first; the call is then cancelled so it holds nothing. */
async function firstRing(to: string): Promise<HookAction> {
  const callId = `fresh-${++calls}`;
  const ask = async (path: string, q: Record<string, string>) => {
    const res = await fetch(`${h.hookUrl}/internal/sip/${path}?${new URLSearchParams(q)}`, {
      headers: { [HOOK_TOKEN_HEADER]: hookToken(SECRET) },
    });
    return res.json() as Promise<unknown>;
  };
  const action = (await ask('route', { callId, from: CALLER, to, attempt: '0' })) as HookAction;
  await ask('event', { callId, event: 'cancelled' });
  return action;
}
const rung = (a: HookAction) => (a.action === 'ring' ? [...a.targets].sort() : [`${a.action} ${a.code}`]);

const BOOKINGS = '+442071234569';
const MAIN = '+442079460001';

test("a number's new destination rings on the next call", async () => {
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1003@sb.test']);
  const { body: number } = await admin.get('/api/numbers/num-bookings');
  const rule = { kind: 'alternative', destinations: [{ destination: { kind: 'staff', staffId: 'staff-dave' } }] };
  const saved = await admin.put('/api/numbers/num-bookings/routing', { ...number.routing, rule });
  expect(saved.status).toBe(200);
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1004@sb.test']);
  await admin.put('/api/numbers/num-bookings/routing', number.routing);
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1003@sb.test']);
});

test('an agent choosing do-not-disturb over the feed is skipped by the next call, and rung again once back', async () => {
  const choose = (state: 'dnd' | 'available') =>
    new Promise<unknown>((r) => feeds.carol!.emit('presence:set', { state }, r));
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1003@sb.test']);
  expect(await choose('dnd')).toMatchObject({ ok: true });
  // Carol was the one destination, and no voicemail service runs here: the call is missed.
  expect(rung(await firstRing(BOOKINGS))).toEqual(['reject 480']);
  expect(await choose('available')).toMatchObject({ ok: true });
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1003@sb.test']);
});

test("a staff member's new extension is the one the next call rings", async () => {
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1003@sb.test']);
  const changed = await admin.patch('/api/staff/staff-carol', { extension: '1033' });
  expect(changed.status).toBe(200);
  // The change ended Carol's sessions; she signs in again and her phone registers under the new extension.
  feeds.carol!.disconnect();
  feeds.carol = await routableAgent(h, 'carol@acme.test');
  expect(rung(await firstRing(BOOKINGS))).toEqual(['sip:1033@sb.test']);
});

test("the organisation's new business hours switch the main number's branch on the next call", async () => {
  const { body: before } = await admin.get('/api/org/business-hours');
  const hours = (windows: unknown[]) => ({ timeZone: 'Europe/London', windows });
  expect((await admin.put('/api/org/business-hours', hours([]))).status).toBe(200);
  expect(rung(await firstRing(MAIN))).toEqual(['sip:1004@sb.test']);
  // Every day round the clock but for one minute two hours from now (a window may cross midnight).
  const london = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const [hour, minute] = london.format(Date.now() + 2 * 3_600_000).split(':');
  const start = `${hour}:${minute}`;
  const end = london.format(Date.now() + 2 * 3_600_000 - 60_000);
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  expect((await admin.put('/api/org/business-hours', hours([{ days, start, end }]))).status).toBe(200);
  expect(rung(await firstRing(MAIN))).toEqual(['sip:1001@sb.test', 'sip:1002@sb.test', 'sip:1033@sb.test']);
  await admin.put('/api/org/business-hours', { timeZone: before.timeZone, windows: before.windows });
});
