import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NotificationView } from '../../src/common/notifications';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { receiveTexts, sendText } from '../../scripts/sipp/texter';
import { nextEvent, startSeededCompanion, type Harness } from '../support/companion-harness';
import { blastAliceBobCarol, COMPANY, person, type Person } from '../support/unknown-callers';
import { freePort } from './sip-support/ports';
import { startTestSipStack, type TestSipStack } from './sip-support/test-stack';
import { WsSipClient } from './sip-support/ws-sip-client';

/**
 * Texts through the real Kamailio: the phone network (sipp on 127.0.0.2, the address the proxy trusts as the
 * gateway's host today) texts the company number; an agent's MESSAGE goes out as the company number only.
 */
const SECRET = 'texts-kamailio-secret-0123456789';
let h: Harness;
let sip: TestSipStack;
let gatewayPort: number;
let dir: string;
let alice: Person, bob: Person, admin: Person;
const clients: WsSipClient[] = [];

beforeAll(async () => {
  gatewayPort = await freePort();
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, PSTN_GATEWAY: `127.0.0.2:${gatewayPort}` });
  sip = await startTestSipStack({ secret: SECRET, hookUrl: h.hookUrl, pstnGateway: `127.0.0.2:${gatewayPort}` });
  dir = mkdtempSync(join(tmpdir(), 'switchboard-texts-'));
  [alice, bob, admin] = (await Promise.all(['alice', 'bob', 'admin'].map((n) => person(h, `${n}@acme.test`)))) as [
    Person,
    Person,
    Person,
  ];
  await blastAliceBobCarol(admin.api);
}, 60_000);
afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  for (const p of [alice, bob, admin]) p?.feed.disconnect();
  await sip?.stop();
  await h?.stop();
});

const agentClient = async () => {
  const c = await WsSipClient.connect(sip.wsUrl);
  clients.push(c);
  return c;
};
const creds = (ext: string) => mintEphemeralCredentials(SECRET, ext, 600, Date.now());
const text = async (from: string, body: string) =>
  sendText({ runDir: dir, from, to: COMPANY.number, body, kamailioPort: sip.sipPort, localPort: await freePort() });

test('a text from the phone network to the company number is stored (202) and reaches the rule’s agents live', async () => {
  const pushed = nextEvent<NotificationView>(bob.feed, 'notification:created', (n) => n.caller === '+447911125001');
  const res = await text('+447911125001', 'Hello from a stranger, café?');
  expect(res).toMatchObject({ exitCode: 0, accepted: true });
  const n = await pushed;
  expect(n).toMatchObject({ kind: 'text', state: 'unclaimed', number: { number: COMPANY.number } });
  expect(n.texts.map((t) => t.body)).toEqual(['Hello from a stranger, café?']);
});

test('a text to a number that is not a company number is refused by the companion’s answer', async () => {
  const res = await sendText({
    runDir: dir,
    from: '+447911125002',
    to: '+442071234567',
    body: 'to sales',
    kamailioPort: sip.sipPort,
    localPort: await freePort(),
  });
  expect(res.refusedWith).toBe(404);
});

test('a text with no body reaches the companion all the same (over the pooled connection) and is refused as empty', async () => {
  expect(await text('+447911125009', '')).toMatchObject({ exitCode: expect.any(Number), refusedWith: 400 });
});

test('text back: the gateway receives it from the company number with the body as written; forged identity headers are dropped', async () => {
  const pushed = nextEvent<NotificationView>(alice.feed, 'notification:created', (n) => n.caller === '+447911125003');
  await text('+447911125003', 'Can you call me back?');
  const n = await pushed;
  expect((await alice.api.post(`/api/notifications/${n.id}/claim`, { action: 'text-back' })).status).toBe(200);

  const gateway = receiveTexts({ runDir: dir, port: gatewayPort, count: 1 });
  const client = await agentClient();
  const body = 'Of course — at 3pm?\r\nX-Injected: no';
  const reply = await client.message({
    from: '1001',
    target: `sip:+447911125003@${sip.domain}`,
    domain: sip.domain,
    credentials: creds('1001'),
    body,
    headers: [
      ['X-Caller-ID', '+442071234567'],
      ['P-Asserted-Identity', '<sip:+18005550100@127.0.0.1>'],
    ],
  });
  expect(reply.status).toBe(202);
  await gateway.exited;
  expect(gateway.received()).toEqual([{ from: '+442079460000', to: '+447911125003' }]);
  const trace = gateway.trace();
  const sent = trace.slice(trace.indexOf('MESSAGE sip:'));
  const headers = sent.slice(0, sent.search(/\r?\n\r?\n/));
  expect(sent).toContain(body);
  expect(headers).toMatch(/^From:\s*<sip:\+442079460000@/m);
  expect(headers).not.toMatch(/^X-Caller-ID:/im);
  expect(headers).not.toMatch(/^P-Asserted-Identity:/im);
  expect(headers).not.toMatch(/^X-Injected:/im);
  const conv = ((await alice.api.get(`/api/notifications/${n.id}`)).body as NotificationView).texts;
  expect(conv.map((t) => [t.direction, t.body])).toEqual([
    ['inbound', 'Can you call me back?'],
    ['outbound', body],
  ]);
});

test('an agent cannot text a number they have no conversation with, nor pose as another agent', async () => {
  const client = await agentClient();
  const none = await client.message({
    from: '1002',
    target: `sip:+447911125009@${sip.domain}`,
    domain: sip.domain,
    credentials: creds('1002'),
    body: 'spam',
  });
  expect(none.status).toBe(403);
  // Bob's credentials with Alice's extension in From: the proxy refuses before the companion is asked.
  const posing = await client.message({
    from: '1001',
    target: `sip:+447911125003@${sip.domain}`,
    domain: sip.domain,
    credentials: creds('1002'),
    body: 'as alice',
  });
  expect(posing.status).toBe(403);
});
