import { afterAll, beforeAll, expect, test } from 'vitest';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { freePort } from './sip-support/ports';
import { runSipp } from './sip-support/sipp';
import { startTestSipStack, type TestSipStack } from './sip-support/test-stack';
import { WsSipClient } from './sip-support/ws-sip-client';
import { addAgents, startSeededCompanion, type Harness } from '../support/companion-harness';

// Agents may live under a name rather than an IP: sip:<ext>@switchboard.test.
const SECRET = 'sip-domain-secret-0123456789';
let h: Harness;
let sip: TestSipStack;
const clients: WsSipClient[] = [];

beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, SIP_DOMAIN: 'switchboard.test' });
  addAgents(h, 'org-demo', ['6001', '6002', '6003', '6004']);
  sip = await startTestSipStack({ domain: 'switchboard.test', secret: SECRET, hookUrl: h.hookUrl });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sip?.stop();
  await h?.stop();
});

const creds = (extension: string) => mintEphemeralCredentials(sip.secret, extension, 600, Date.now());

async function agent(extension: string) {
  const client = await WsSipClient.connect(sip.wsUrl);
  clients.push(client);
  expect((await client.register({ extension, domain: sip.domain, credentials: creds(extension) })).status).toBe(200);
  return client;
}

test('agents registered under a named domain call each other', async () => {
  const callee = await agent('6001');
  const seen = callee.autoAnswer();
  const caller = await agent('6002');
  const call = await caller.invite({
    from: '6002',
    target: `sip:6001@${sip.domain}`,
    domain: sip.domain,
    credentials: creds('6002'),
  });
  expect(call.reply.status).toBe(200);
  if (!call.ok) return;
  expect((await caller.bye(call.dialog)).status).toBe(200);
  expect(seen.map((m) => m.method)).toEqual(expect.arrayContaining(['INVITE', 'ACK', 'BYE']));
});

test('a phone-network caller reaches an agent under the named domain', async () => {
  const callee = await agent('6003');
  const seen = callee.autoAnswer();
  const code = await runSipp({
    runDir: sip.runDir,
    name: 'sipp-uac-to-6003',
    scenario: 'uac-call',
    remotePort: sip.sipPort,
    localPort: await freePort(),
    keys: { sb_from: '+15550005555', sb_to: '6003', sb_domain: sip.domain },
  });
  expect(code).toBe(0);
  expect(seen.some((m) => m.method === 'BYE')).toBe(true);
});

test('requests for other domains are not relayed', async () => {
  const caller = await agent('6004');
  const call = await caller.invite({
    from: '6004',
    target: 'sip:6001@elsewhere.example',
    domain: sip.domain,
    credentials: creds('6004'),
  });
  expect(call.reply.status).toBe(403);
});
