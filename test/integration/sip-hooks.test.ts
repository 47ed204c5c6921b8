import type { CallHistoryItem, CallOffered } from '../../src/common/calls';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import { nextEvent, signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';
import { routableAgent } from '../support/registration';

const SECRET = 'hooks-secret-0123456789abcdef';
let h: Harness;
const feeds: TestFeed[] = [];
beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, PSTN_GATEWAY: '127.0.0.2:5080' });
});
afterAll(async () => {
  for (const f of feeds) f.disconnect();
  await h.stop();
});

const hook = async (path: string, params: Record<string, string | number>, token = hookToken(SECRET)) => {
  const q = new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  const res = await fetch(`${h.hookUrl}/internal/sip/${path}?${q}`, { headers: { [HOOK_TOKEN_HEADER]: token } });
  return { status: res.status, body: await res.json() };
};

/** An agent whose browser is on the feed with a phone Kamailio holds a contact for: available for routing. */
async function availableAgent(email: string): Promise<TestFeed> {
  const feed = await routableAgent(h, email);
  feeds.push(feed);
  return feed;
}

test('the hooks refuse a caller without the token', async () => {
  const res = await hook('route', { callId: 'x', from: '+447700900123', to: '+442071234567' }, 'wrong');
  expect(res.status).toBe(403);
});

test("Kamailio's pooled connection presents the token as the Basic password; a wrong one is refused", async () => {
  const q = new URLSearchParams({ ext: '1001' });
  const basic = (userPass: string) => ({ authorization: `Basic ${Buffer.from(userPass).toString('base64')}` });
  const ok = await fetch(`${h.hookUrl}/internal/sip/extension?${q}`, {
    headers: basic(`kamailio:${hookToken(SECRET)}`),
  });
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ org: 'org-demo' });
  for (const headers of [
    basic('kamailio:wrong'),
    basic(hookToken(SECRET)),
    basic(`${hookToken(SECRET)}:`),
    { authorization: `Bearer ${hookToken(SECRET)}` },
  ]) {
    expect((await fetch(`${h.hookUrl}/internal/sip/extension?${q}`, { headers })).status, JSON.stringify(headers)).toBe(
      403,
    );
  }
  // A wrong X-Hook-Token is not rescued by a right Basic password: the header, when present, is what counts.
  const both = { [HOOK_TOKEN_HEADER]: 'wrong', ...basic(`kamailio:${hookToken(SECRET)}`) };
  expect((await fetch(`${h.hookUrl}/internal/sip/extension?${q}`, { headers: both })).status).toBe(403);
});

test('the token in the query string (as it once was) is not accepted', async () => {
  const q = new URLSearchParams({ token: hookToken(SECRET), callId: 'x', from: '+447700900123', to: '+442071234567' });
  expect((await fetch(`${h.hookUrl}/internal/sip/route?${q}`)).status).toBe(403);
});

test('the hooks are not on the public listener: /internal/* answers 404 there, with the right token too', async () => {
  const q = new URLSearchParams({ callId: 'x', from: '+447700900123', to: '+442071234567' });
  for (const path of ['/internal/sip/route', '/internal/sip/event', '/internal/sip/extension', '/internal/anything']) {
    const res = await fetch(`${h.url}${path}?${q}`, { headers: { [HOOK_TOKEN_HEADER]: hookToken(SECRET) } });
    expect(res.status, path).toBe(404);
  }
});

test('the hook listener is bound to loopback only and serves nothing but the hooks', async () => {
  expect(h.hooks.address()).toMatchObject({ address: '127.0.0.1' });
  const res = await fetch(`${h.hookUrl}/api/auth/me`);
  expect(res.status).toBe(404);
});

test("an extension's organisation, for Kamailio's same-organisation check", async () => {
  expect((await hook('extension', { ext: '1001' })).body).toEqual({ org: 'org-demo' });
  expect((await hook('extension', { ext: '7777' })).body).toEqual({ org: '' });
});

test('a number nobody holds is refused', async () => {
  expect((await hook('route', { callId: 'nobody', from: '+447700900123', to: '+449999999999' })).body).toEqual({
    action: 'reject',
    code: 404,
    reason: 'Not a number in service',
  });
});

test('a call to the Sales line rings Alice with the reason on her feed, then the next destination, and is answered and ended', async () => {
  const alice = await availableAgent('alice@acme.test');
  const offered = nextEvent<CallOffered>(alice, 'call:offered');
  const first = await hook('route', { callId: 'call-1', from: '+447700900123', to: '+442071234567', attempt: 0 });
  expect(first.body).toEqual({ action: 'ring', timeout: 20, targets: ['sip:1001@127.0.0.1'] });
  const offer = await offered;
  expect(offer).toMatchObject({
    sipCallId: 'call-1',
    number: { displayName: 'Sales line' },
    caller: { number: '+447700900123', known: false },
  });
  expect(offer.reason).toBeTruthy();

  // Bob and Carol are offline: the round-robin group is skipped, the external destination rings at the gateway.
  const second = await hook('route', {
    callId: 'call-1',
    from: '+447700900123',
    to: '+442071234567',
    attempt: 1,
    lastCode: 408,
  });
  expect(second.body).toEqual({
    action: 'ring',
    timeout: 30,
    targets: ['sip:+442079460123@127.0.0.2:5080;ext=204;ext-delay=3'],
  });

  // Kamailio names the extension whose phone sent the 200; the browser's call:answer is only a hint.
  const ack = await new Promise<{ ok: boolean }>((r) => alice.emit('call:answer', { sipCallId: 'call-1' }, r));
  expect(ack.ok).toBe(true);
  await hook('event', { callId: 'call-1', event: 'answered', code: 200, ext: '1001' });
  await hook('event', { callId: 'call-1', event: 'ended', by: 'caller' });

  const history: CallHistoryItem[] = await (
    await fetch(`${h.url}/api/calls`, { headers: { cookie: await signIn(h, 'alice@acme.test') } })
  ).json();
  expect(history[0]).toMatchObject({
    id: 'call-1',
    state: 'ended',
    answeredBy: { name: 'Alice Agent' },
    outcomeReason: 'Caller hung up',
    rang: [{ name: 'Alice Agent' }],
  });
  expect(history[0]!.durationSeconds).not.toBeNull();
  // Bob was never offered it, so his own history does not have it; the supervisor sees everyone's.
  const bobs: CallHistoryItem[] = await (
    await fetch(`${h.url}/api/calls`, { headers: { cookie: await signIn(h, 'bob@acme.test') } })
  ).json();
  expect(bobs.map((c) => c.id)).not.toContain('call-1');
  const all: CallHistoryItem[] = await (
    await fetch(`${h.url}/api/calls`, { headers: { cookie: await signIn(h, 'supervisor@acme.test') } })
  ).json();
  expect(all.map((c) => c.id)).toContain('call-1');
});

test('the caller hanging up while it rings: the agent is told and the call is missed', async () => {
  const carol = await availableAgent('carol@acme.test');
  expect((await hook('route', { callId: 'call-2', from: '+447700900555', to: '+442071234569' })).body).toMatchObject({
    targets: ['sip:1003@127.0.0.1'],
  });
  const resolved = nextEvent(carol, 'call:resolved');
  await hook('event', { callId: 'call-2', event: 'cancelled' });
  expect(await resolved).toEqual({ sipCallId: 'call-2', outcome: 'caller-hung-up', text: 'The caller hung up' });
  const all: CallHistoryItem[] = await (
    await fetch(`${h.url}/api/calls`, { headers: { cookie: await signIn(h, 'admin@acme.test') } })
  ).json();
  expect(all.find((c) => c.id === 'call-2')).toMatchObject({
    state: 'missed',
    outcomeReason: 'Caller hung up while ringing',
  });
});

test('an answered call binds the caller to the agent: their next call rings that agent first, saying why', async () => {
  const dave = await availableAgent('alice@acme.test');
  await hook('route', { callId: 'call-3', from: '+447700900777', to: '+442071234567' });
  await hook('event', { callId: 'call-3', event: 'answered', code: 200, ext: '1001' });
  await hook('event', { callId: 'call-3', event: 'ended', by: 'caller' });
  const offered = nextEvent<CallOffered>(dave, 'call:offered', (o) => o.sipCallId === 'call-4');
  await hook('route', { callId: 'call-4', from: '+447700900777', to: '+442071234567' });
  expect((await offered).reason).toMatch(/^sticky: last spoke to the caller/);
});

test('a call event for a call the companion does not know, or in a state where it cannot happen, is refused (409)', async () => {
  expect((await hook('event', { callId: 'never-seen', event: 'ended', by: 'caller' })).status).toBe(409);
  await availableAgent('carol@acme.test');
  expect((await hook('route', { callId: 'call-409', from: '+447700900124', to: '+442071234569' })).body).toMatchObject({
    action: 'ring',
  });
  expect((await hook('event', { callId: 'call-409', event: 'ended', by: 'caller' })).status).toBe(409);
  expect((await hook('event', { callId: 'call-409', event: 'cancelled' })).status).toBe(200);
  expect((await hook('event', { callId: 'call-409', event: 'answered', code: 200, ext: '1003' })).status).toBe(409);
});
