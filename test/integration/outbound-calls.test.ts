import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Presence } from '../../src/common/presence';
import type { CallerIdsView, MyBinding } from '../../src/common/api/me';
import type { CallHistoryItem, CallOffered } from '../../src/common/calls';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { startGateway, type Gateway } from '../../scripts/sipp/gateway';
import { placeCall } from '../../scripts/sipp/caller';
import { apiAs } from '../support/api-client';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';
import { untilRegistered } from '../support/registration';
import { freePort } from './sip-support/ports';
import { header } from './sip-support/sip-message';
import { startTestSipStack, type TestSipStack } from './sip-support/test-stack';
import { WsSipClient } from './sip-support/ws-sip-client';

/**
 * Agents calling customers through the real Kamailio and rtpengine, judged by the real companion; the phone
 * network is sipp on 127.0.0.2 (PSTN_GATEWAY) and the agent a raw SIP-over-WebSocket client with valid
 * credentials, so every forgery a modified browser could send is tried.
 */

const SECRET = 'outbound-secret-0123456789abcdef';
const SALES = '+442071234567';
const SUPPORT = '+18005550100';
const BOOKINGS = '+442071234569';
const MAIN = '+442079460001';
const EXPIRED = '+442071234599';
const BUSY_CUSTOMER = '+447911129999';
const DAY = 86_400_000;

let h: Harness;
let sip: TestSipStack;
let gatewayPort: number;
const gatewayPortOf = () => `127.0.0.2:${gatewayPort}`;
let gateway: Gateway;
let alice: WsSipClient;
let aliceCookie: string;
let aliceFeed: TestFeed;
let customerSeq = 100;
const clock = { offset: 0 };
const clients: WsSipClient[] = [];
/** A valid UK mobile number no earlier call of this run used. */
const freshCustomer = () => `+44791112${String(customerSeq++).padStart(4, '0')}`;
const creds = (extension: string) => mintEphemeralCredentials(SECRET, extension, 600, Date.now());

beforeAll(async () => {
  gatewayPort = await freePort();
  h = await startSeededCompanion(
    { SIP_AUTH_SECRET: SECRET, SIP_DOMAIN: '127.0.0.1', PSTN_GATEWAY: `127.0.0.2:${gatewayPort}` },
    () => Date.now() + clock.offset,
  );
  // A number whose service ended: nobody may present it, whatever its allowlist says.
  h.repos.numbers.insert(
    'org-demo',
    {
      id: 'num-expired',
      number: EXPIRED,
      displayName: 'Old campaign',
      type: 'local',
      kind: 'standard',
      country: 'GB',
      city: 'London',
      timeZone: 'Europe/London',
      expiresAt: Date.now() - DAY,
      routing: {
        rule: {
          kind: 'alternative',
          destinations: [{ destination: { kind: 'staff', staffId: 'staff-alice' }, ringTimeoutSeconds: 20 }],
        },
        voicemail: { enabled: false, greeting: null, autoDelete: 'monthly' },
        noAnswer: { failSafeNumber: null },
        sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
        engagement: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
        callerIds: { destinationStaff: true, staffIds: [], allStaff: true },
      },
    } as never,
    { by: 'staff-admin', at: Date.now() },
  );
  sip = await startTestSipStack({
    secret: SECRET,
    hookUrl: h.hookUrl,
    pstnGateway: `127.0.0.2:${gatewayPort}`,
    wide: true,
  });
  gateway = await startGateway({
    runDir: sip.runDir,
    host: '127.0.0.2',
    port: gatewayPort,
    ringMs: 200,
    calls: 1000,
    busy: [BUSY_CUSTOMER],
  });
  alice = await WsSipClient.connect(sip.wsUrl);
  clients.push(alice);
  expect((await alice.register({ extension: '1001', domain: sip.domain, credentials: creds('1001') })).status).toBe(
    200,
  );
  await untilRegistered(h, '1001');
  await openAliceFeed();
});

/** Alice's tab: signed in, its feed open, her phone reported registered (Kamailio already holds it). */
async function openAliceFeed() {
  aliceFeed?.disconnect();
  aliceCookie = await signIn(h, 'alice@acme.test');
  aliceFeed = openFeed(h, { cookie: aliceCookie, origin: h.origin });
  await nextEvent(aliceFeed, 'presence:snapshot');
  const available = nextEvent<Presence>(aliceFeed, 'presence:changed', (p) => p.state === 'available');
  await new Promise((r) =>
    aliceFeed.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, r),
  );
  await available;
}

afterAll(async () => {
  aliceFeed?.disconnect();
  await Promise.all(clients.map((c) => c.close()));
  await gateway?.leg.stop();
  await sip?.stop();
  await h?.stop();
});

/** Alice dials `callee` with these extra headers; returns the final reply and the INVITEs the gateway got meanwhile. */
async function aliceCalls(callee: string, headers: Array<[string, string]> = [], from = '1001') {
  const before = gateway.invites().length;
  const result = await alice.invite({
    from,
    target: `sip:${callee}@${sip.domain}`,
    domain: sip.domain,
    credentials: creds('1001'),
    headers,
  });
  if (result.ok) await alice.bye(result.dialog);
  // Anything the gateway was sent has arrived by the time the final reply is back.
  await new Promise((r) => setTimeout(r, 300));
  return { result, invites: gateway.invites().slice(before) };
}

const get = async <T>(path: string, cookie = aliceCookie): Promise<T> =>
  (await fetch(`${h.url}${path}`, { headers: { cookie } })).json() as Promise<T>;
const history = async (callId: string) => (await get<CallHistoryItem[]>('/api/calls')).find((c) => c.id === callId);

test('an allowed caller ID: the gateway gets it in From and P-Asserted-Identity with the agent’s name; nothing the phone said about itself', async () => {
  const customer = freshCustomer();
  const { result, invites } = await aliceCalls(customer, [
    ['X-Caller-ID', SALES],
    ['P-Asserted-Identity', `<sip:${MAIN}@127.0.0.1>`],
    ['P-Preferred-Identity', `<sip:${MAIN}@127.0.0.1>`],
    ['Remote-Party-ID', `<sip:${MAIN}@127.0.0.1>;party=calling`],
    ['Privacy', 'id'],
  ]);
  expect(result.ok, String(result.reply.status)).toBe(true);
  expect(invites).toHaveLength(1);
  expect(invites[0]).toMatchObject({
    callee: customer,
    fromUri: `sip:${SALES}@127.0.0.1`,
    assertedIdentity: `sip:${SALES}@127.0.0.1`,
    displayName: 'Alice Agent',
  });
  const log = readFileSync(join(sip.runDir, `${gateway.leg.name}.messages.log`), 'utf8');
  const received = log.split(/^-{10,}.*$/m).find((m) => m.includes(`INVITE sip:${customer}@`))!;
  for (const forged of ['X-Caller-ID', 'P-Preferred-Identity', 'Remote-Party-ID', 'Privacy', MAIN])
    expect(received).not.toContain(forged);
  // The agent's own dialog still shows the From it sent (restored on the way back).
  expect(header(result.reply, 'from')).toContain('sip:1001@');

  await expect.poll(async () => (await history(header(result.reply, 'call-id') ?? ''))?.state).toBe('ended');
  const row = (await history(header(result.reply, 'call-id')!))!;
  expect(row).toMatchObject({
    direction: 'outbound',
    number: { number: SALES, displayName: 'Sales line' },
    caller: { number: customer },
    outbound: { engagement: false, agent: { name: 'Alice Agent' } },
  });
  expect(row.outcomeReason).toBe('Agent hung up');
});

test('a national number is dialled in the organisation’s country', async () => {
  const { result, invites } = await aliceCalls('07911120555', [['X-Caller-ID', SALES]]);
  expect(result.ok).toBe(true);
  expect(invites.map((i) => i.callee)).toEqual(['+447911120555']);
});

test.each([
  {
    forgery: 'a caller ID not on the agent’s allowlist',
    headers: [['X-Caller-ID', BOOKINGS]],
    reason: 'You may not present +44 20 7123 4569 as your caller ID',
  },
  {
    forgery: 'the main number',
    headers: [['X-Caller-ID', MAIN]],
    reason: 'The main number +44 20 7946 0001 cannot be used as a caller ID',
  },
  {
    forgery: 'an expired number',
    headers: [['X-Caller-ID', EXPIRED]],
    reason: '+44 20 7123 4599 has expired and cannot be used as a caller ID',
  },
  {
    forgery: 'a number of nobody in the organisation',
    headers: [['X-Caller-ID', '+442079461234']],
    reason: "+44 20 7946 1234 is not one of your organisation's numbers",
  },
  {
    forgery: 'a caller ID that is not E.164',
    headers: [['X-Caller-ID', '020 7123 4567']],
    reason: 'The caller ID must be a phone number in international format (+ and country code)',
  },
  {
    forgery: 'engagement mode on a toll-free number',
    headers: [
      ['X-Caller-ID', SUPPORT],
      ['X-Engagement', '1'],
    ],
    reason: 'Engagement mode is not available on +1 800 555 0100',
  },
] as Array<{ forgery: string; headers: Array<[string, string]>; reason: string }>)(
  'refused: $forgery, and the gateway receives nothing',
  async ({ headers, reason }) => {
    const { result, invites } = await aliceCalls(freshCustomer(), headers);
    expect(result.reply.status).toBe(403);
    expect(result.reply.reason).toBe(reason);
    expect(invites).toEqual([]);
  },
);

test('refused: a From user that is a virtual number (not the credentials’ extension), and the gateway receives nothing', async () => {
  const { result, invites } = await aliceCalls(freshCustomer(), [], SALES);
  expect(result.reply.status).toBe(403);
  expect(invites).toEqual([]);
});

test('no X-Caller-ID: the number the agent used last, else their remembered choice', async () => {
  await aliceCalls(freshCustomer(), [['X-Caller-ID', SUPPORT]]);
  const { invites } = await aliceCalls(freshCustomer());
  expect(invites[0]?.fromUri).toBe(`sip:${SUPPORT}@127.0.0.1`);
  const res = await fetch(`${h.url}/api/me/caller-id`, {
    method: 'PUT',
    headers: { cookie: aliceCookie, origin: h.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ numberId: 'num-sales' }),
  });
  expect(res.status).toBe(200);
  expect((await aliceCalls(freshCustomer())).invites[0]?.fromUri).toBe(`sip:${SALES}@127.0.0.1`);
  const refused = await fetch(`${h.url}/api/me/caller-id`, {
    method: 'PUT',
    headers: { cookie: aliceCookie, origin: h.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ numberId: 'num-main' }),
  });
  expect(refused.status).toBe(403);
});

test('a busy customer: the agent hears the gateway’s reason and history says Busy', async () => {
  const { result, invites } = await aliceCalls(BUSY_CUSTOMER, [['X-Caller-ID', SALES]]);
  expect(invites).toHaveLength(1);
  expect(result.reply.status).toBe(486);
  const callId = header(result.reply, 'call-id')!;
  await expect.poll(async () => (await history(callId))?.outcomeReason).toBe('Busy');
});

test('three agents see exactly the numbers they may present', async () => {
  const numbersOf = async (email: string) =>
    (await get<CallerIdsView>('/api/me/caller-ids', await signIn(h, email))).options.map((o) => o.number).sort();
  expect(await numbersOf('alice@acme.test')).toEqual(
    ['+18005550100', '+442071234567', '+442071234568', '+442079460000'].sort(),
  );
  expect(await numbersOf('dave@acme.test')).toEqual(['+18005550100', '+442071234568', '+442079460000'].sort());
  expect(await numbersOf('carol@acme.test')).toEqual(
    ['+18005550100', '+442071234567', '+442071234568', '+442071234569', '+442079460000'].sort(),
  );
  const sales = (await get<CallerIdsView>('/api/me/caller-ids')).options.find((o) => o.number === SALES);
  expect(sales).toMatchObject({ engagementAvailable: true, engagementDays: 14, type: 'local', city: 'London' });
});

describe('engagement mode', () => {
  /** The customer calls the number back; resolves with the reason the companion gave Alice. */
  async function callBack(customer: string): Promise<string> {
    alice.onRequest = (req) => {
      if (req.method === 'INVITE') alice.send(alice.reply(req, 486, 'Busy Here', 'cb'));
    };
    const offered = nextEvent<CallOffered>(aliceFeed, 'call:offered', (o) => o.caller.number === customer);
    await placeCall({ runDir: sip.runDir, number: SALES, from: customer, kamailioPort: sip.sipPort, durationS: 1 });
    alice.onRequest = undefined;
    return (await offered).reason;
  }

  async function engagementCall(customer: string) {
    const { result } = await aliceCalls(customer, [
      ['X-Caller-ID', SALES],
      ['X-Engagement', '1'],
    ]);
    expect(result.ok).toBe(true);
    await expect
      .poll(async () => (await get<MyBinding[]>('/api/me/bindings')).find((b) => b.customer.number === customer)?.kind)
      .toBe('engagement');
    return (await get<MyBinding[]>('/api/me/bindings')).find((b) => b.customer.number === customer)!;
  }

  test('an answered engagement call binds the customer to the agent; their call back rings the agent with the reason, until it expires', async () => {
    const customer = freshCustomer();
    const binding = await engagementCall(customer);
    expect(binding.number.number).toBe(SALES);
    expect(binding.expiresAt - binding.lastInteractionAt).toBe(14 * DAY);
    expect(
      (await get<CallerIdsView>(`/api/me/caller-ids?callee=${encodeURIComponent(customer)}`)).suggestion,
    ).toMatchObject({
      numberId: 'num-sales',
      reason: 'Your engagement with this customer on Sales line, 14 days left',
    });
    expect(await callBack(customer)).toMatch(/^engagement: called them on /);

    clock.offset = 15 * DAY;
    try {
      expect(await callBack(customer)).not.toMatch(/^engagement/);
      expect(await get<MyBinding[]>('/api/me/bindings')).not.toContainEqual(
        expect.objectContaining({ id: binding.id }),
      );
    } finally {
      clock.offset = 0;
      // Fifteen days on, every session had expired: the tab's next heartbeat closed its feed. A new sign-in.
      await openAliceFeed();
    }
  });

  test('a released binding routes normally at once', async () => {
    const customer = freshCustomer();
    const binding = await engagementCall(customer);
    const res = await fetch(`${h.url}/api/me/bindings/${binding.id}`, {
      method: 'DELETE',
      headers: { cookie: aliceCookie, origin: h.origin },
    });
    expect(res.status).toBe(204);
    expect(await callBack(customer)).not.toMatch(/^engagement/);
    const again = await fetch(`${h.url}/api/me/bindings/${binding.id}`, {
      method: 'DELETE',
      headers: { cookie: await signIn(h, 'bob@acme.test'), origin: h.origin },
    });
    expect(again.status).toBe(404);
  });
});

describe('with two gateways configured', () => {
  let h2: Harness;
  let sip2: TestSipStack;

  beforeAll(async () => {
    // The first gateway has nothing listening (its INVITE gets no reply); the second is the running sipp.
    const dead = await freePort();
    const gatewayAddress = gatewayPortOf();
    h2 = await startSeededCompanion({
      SIP_AUTH_SECRET: SECRET,
      SIP_DOMAIN: '127.0.0.1',
      PSTN_GATEWAY: `127.0.0.2:${dead},${gatewayAddress}`,
    });
    sip2 = await startTestSipStack({
      secret: SECRET,
      hookUrl: h2.hookUrl,
      pstnGateway: `127.0.0.2:${dead},${gatewayAddress}`,
      wide: true,
    });
  });
  afterAll(async () => {
    await sip2?.stop();
    await h2?.stop();
  });

  test('a gateway that does not answer is skipped for the next one', async () => {
    const agent = await WsSipClient.connect(sip2.wsUrl);
    clients.push(agent);
    expect((await agent.register({ extension: '1001', domain: sip2.domain, credentials: creds('1001') })).status).toBe(
      200,
    );
    const customer = freshCustomer();
    const before = gateway.invites().length;
    const call = await agent.invite({
      from: '1001',
      target: `sip:${customer}@${sip2.domain}`,
      domain: sip2.domain,
      credentials: creds('1001'),
      headers: [['X-Caller-ID', SALES]],
    });
    expect(call.ok, String(call.reply.status)).toBe(true);
    if (call.ok) await agent.bye(call.dialog);
    expect(
      gateway
        .invites()
        .slice(before)
        .map((i) => [i.callee, i.fromUri]),
    ).toEqual([[customer, `sip:${SALES}@127.0.0.1`]]);
  }, 30_000);
});

describe('with the companion down', () => {
  let down: TestSipStack;
  let other: Harness;
  const connect = async (extension: string) => {
    const client = await WsSipClient.connect(down.wsUrl);
    clients.push(client);
    expect((await client.register({ extension, domain: down.domain, credentials: creds(extension) })).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    // A companion that goes away mid-shift: Kamailio learnt each agent's organisation at REGISTER.
    other = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, SIP_DOMAIN: '127.0.0.1' });
    const admin = apiAs(other, await signIn(other, 'admin@acme.test'));
    const created = await admin.post('/api/staff', {
      name: 'Six Digits',
      email: 'six@acme.test',
      role: 'agent',
      extension: '123456',
      password: 'tidal-copper-lantern-6',
    });
    expect(created.status).toBe(201);
    down = await startTestSipStack({ secret: SECRET, hookUrl: other.hookUrl });
  });
  afterAll(async () => {
    await down?.stop();
    await other?.stop().catch(() => {});
  });

  test('calls to customers are refused in words; agent-to-agent calls, to a 6-digit extension too, still ring', async () => {
    const caller = await connect('1001');
    const callees = [await connect('1002'), await connect('123456')];
    await other.stop();

    const out = await caller.invite({
      from: '1001',
      target: `sip:+447911129998@${down.domain}`,
      domain: down.domain,
      credentials: creds('1001'),
      headers: [['X-Caller-ID', SALES]],
    });
    expect(out.reply.status).toBe(503);
    expect(out.reply.reason).toBe('Calls to customers are unavailable right now');

    for (const [i, extension] of ['1002', '123456'].entries()) {
      callees[i]!.autoAnswer();
      const call = await caller.invite({
        from: '1001',
        target: `sip:${extension}@${down.domain}`,
        domain: down.domain,
        credentials: creds('1001'),
      });
      expect(call.ok, `${extension}: ${call.reply.status}`).toBe(true);
      if (call.ok) await caller.bye(call.dialog);
    }
  });
});
