import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { registeredContacts } from '../../scripts/stack/kamcmd';
import type { ProcessHandle } from '../../scripts/stack/process-handle';
import { freePort } from './sip-support/ports';
import { runSipp, startSipp } from './sip-support/sipp';
import { startTestSipStack, type TestSipStack } from './sip-support/test-stack';
import { WsSipClient } from './sip-support/ws-sip-client';
import { addAgents, startSeededCompanion, type Harness } from '../support/companion-harness';

const SECRET = 'sip-stack-secret-0123456789';
let h: Harness;
let sip: TestSipStack;
const started: ProcessHandle[] = [];
const clients: WsSipClient[] = [];

beforeAll(async () => {
  // Kamailio asks the companion which organisation each extension belongs to: all of these are one's.
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET });
  addAgents(h, 'org-demo', ['3001', '3002', '3003', '4001', '4002', '5001']);
  sip = await startTestSipStack({ secret: SECRET, hookUrl: h.hookUrl });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(started.map((p) => p.stop()));
  await sip?.stop();
  await h?.stop();
});

const creds = (extension: string, ttl = 600) => mintEphemeralCredentials(sip.secret, extension, ttl, Date.now());

async function sippRegister(
  extension: string,
  localPort: number,
  auth: { username: string; password: string },
  refused = false,
) {
  return runSipp({
    runDir: sip.runDir,
    name: `sipp-register-${extension}-${localPort}`,
    scenario: refused ? 'register-refused' : 'register',
    remotePort: sip.sipPort,
    localPort,
    keys: { sb_ext: extension, sb_domain: sip.domain },
    auth,
  });
}

async function connectWs() {
  const client = await WsSipClient.connect(sip.wsUrl);
  clients.push(client);
  return client;
}

async function waitUntil(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

describe('REGISTER over UDP with ephemeral credentials', () => {
  test('valid credentials are accepted and the contact is stored', async () => {
    const port = await freePort();
    const { username, password } = creds('1001');
    expect(await sippRegister('1001', port, { username, password })).toBe(0);
    expect(await registeredContacts(sip.runDir, '1001')).toEqual([expect.stringContaining(`:${port}`)]);
  });

  test('a wrong password is refused', async () => {
    const { username } = creds('1001');
    expect(await sippRegister('1001', await freePort(), { username, password: 'not-the-password' }, true)).toBe(0);
  });

  test('expired credentials are refused', async () => {
    const { username, password } = creds('1001', -60);
    expect(await sippRegister('1001', await freePort(), { username, password }, true)).toBe(0);
  });

  test('credentials of another extension cannot register this one', async () => {
    const { username, password } = creds('1099');
    expect(await sippRegister('1001', await freePort(), { username, password }, true)).toBe(0);
  });
});

describe('REGISTER over WebSocket', () => {
  test('valid credentials register; a wrong password does not', async () => {
    const client = await connectWs();
    const good = creds('2001');
    const ok = await client.register({ extension: '2001', domain: sip.domain, credentials: good });
    expect(ok.status).toBe(200);
    expect(await registeredContacts(sip.runDir, '2001')).toHaveLength(1);

    const other = await connectWs();
    const bad = await other.register({
      extension: '2002',
      domain: sip.domain,
      credentials: { username: creds('2002').username, password: 'wrong' },
    });
    expect([401, 403]).toContain(bad.status);
    expect(await registeredContacts(sip.runDir, '2002')).toEqual([]);
  });
});

describe('calls', () => {
  test('a UDP caller reaches an extension registered over UDP (200, ACK, BYE)', async () => {
    const uasPort = await freePort();
    const { username, password } = creds('1002');
    expect(await sippRegister('1002', uasPort, { username, password })).toBe(0);
    const uas = startSipp({ runDir: sip.runDir, name: 'sipp-uas-1002', scenario: 'uas-answer', localPort: uasPort });
    started.push(uas);

    const code = await runSipp({
      runDir: sip.runDir,
      name: 'sipp-uac-to-1002',
      scenario: 'uac-call',
      remotePort: sip.sipPort,
      localPort: await freePort(),
      keys: { sb_from: '+15550001111', sb_to: '1002', sb_domain: sip.domain },
    });
    expect(code).toBe(0);
    expect((await uas.exited).code).toBe(0);
  });

  test('a UDP caller reaches a WebSocket agent through rtpengine (SDP bridged both ways)', async () => {
    const agent = await connectWs();
    expect((await agent.register({ extension: '3001', domain: sip.domain, credentials: creds('3001') })).status).toBe(
      200,
    );
    const seen = agent.autoAnswer();

    const code = await runSipp({
      runDir: sip.runDir,
      name: 'sipp-uac-to-3001',
      scenario: 'uac-call', // checks the answer is plain RTP/AVP without ICE/DTLS
      remotePort: sip.sipPort,
      localPort: await freePort(),
      keys: { sb_from: '+15550002222', sb_to: '3001', sb_domain: sip.domain },
    });
    expect(code).toBe(0);
    const invite = seen.find((m) => m.method === 'INVITE');
    expect(invite?.body).toMatch(/RTP\/SAVPF/);
    expect(invite?.body).toMatch(/a=ice-ufrag/);
    expect(invite?.body).toMatch(/a=fingerprint/);
    await waitUntil(async () => seen.some((m) => m.method === 'BYE'));
  });

  test('a WebSocket agent calls a UDP extension through rtpengine, then hangs up', async () => {
    const uasPort = await freePort();
    const reg = creds('1003');
    expect(await sippRegister('1003', uasPort, reg)).toBe(0);
    const uas = startSipp({ runDir: sip.runDir, name: 'sipp-uas-1003', scenario: 'uas-answer', localPort: uasPort });
    started.push(uas);

    const agent = await connectWs();
    const call = await agent.invite({
      from: '3002',
      target: `sip:1003@${sip.domain}`,
      domain: sip.domain,
      credentials: creds('3002'),
    });
    expect(call.reply.status).toBe(200);
    expect(call.reply.body).toMatch(/RTP\/SAVPF/);
    expect(call.reply.body).toMatch(/a=fingerprint/);
    if (!call.ok) return;
    expect((await agent.bye(call.dialog)).status).toBe(200);
    expect((await uas.exited).code).toBe(0);
  });

  test('a re-INVITE from a WebSocket agent to a UDP extension is bridged again by rtpengine', async () => {
    const uasPort = await freePort();
    expect(await sippRegister('1004', uasPort, creds('1004'))).toBe(0);
    const uas = startSipp({ runDir: sip.runDir, name: 'sipp-uas-1004', scenario: 'uas-reinvite', localPort: uasPort });
    started.push(uas);

    const agent = await connectWs();
    const call = await agent.invite({
      from: '3003',
      target: `sip:1004@${sip.domain}`,
      domain: sip.domain,
      credentials: creds('3003'),
    });
    expect(call.reply.status).toBe(200);
    if (!call.ok) return;
    const again = await agent.reinvite(call.dialog);
    expect(again.status).toBe(200);
    expect(again.body).toMatch(/RTP\/SAVPF/);
    expect(again.body).toMatch(/a=fingerprint/);
    expect((await agent.bye(call.dialog)).status).toBe(200);
    expect((await uas.exited).code).toBe(0);
  });

  test('agent to agent over WebSocket: media untouched, in-dialog BYE routed', async () => {
    const callee = await connectWs();
    expect((await callee.register({ extension: '4001', domain: sip.domain, credentials: creds('4001') })).status).toBe(
      200,
    );
    const seen = callee.autoAnswer();

    const caller = await connectWs();
    const call = await caller.invite({
      from: '4002',
      target: `sip:4001@${sip.domain}`,
      domain: sip.domain,
      credentials: creds('4002'),
    });
    expect(call.reply.status).toBe(200);
    if (!call.ok) return;
    // Direct WebRTC media: the offer reaches the callee unchanged (no rtpengine).
    const invite = seen.find((m) => m.method === 'INVITE');
    expect(invite?.body).toContain('a=ice-ufrag:sbtt');
    expect((await caller.bye(call.dialog)).status).toBe(200);
    expect(seen.some((m) => m.method === 'BYE')).toBe(true);
  });

  test('an agent cannot call with a From that is not its credentials', async () => {
    const caller = await connectWs();
    const call = await caller.invite({
      from: '4003',
      target: `sip:4001@${sip.domain}`,
      domain: sip.domain,
      credentials: creds('4999'),
    });
    expect(call.reply.status).toBe(403);
  });

  test('calling an extension that is not registered gets 404 or 480', async () => {
    const code = await runSipp({
      runDir: sip.runDir,
      name: 'sipp-uac-to-9999',
      scenario: 'uac-rejected',
      remotePort: sip.sipPort,
      localPort: await freePort(),
      keys: { sb_from: '+15550003333', sb_to: '9999', sb_domain: sip.domain },
    });
    expect(code).toBe(0);
  });
});

describe('WebSocket close', () => {
  test('closing the socket removes the contact at once; calls then fail', async () => {
    const agent = await connectWs();
    expect((await agent.register({ extension: '5001', domain: sip.domain, credentials: creds('5001') })).status).toBe(
      200,
    );
    expect(await registeredContacts(sip.runDir, '5001')).toHaveLength(1);

    await agent.close();
    await waitUntil(async () => (await registeredContacts(sip.runDir, '5001')).length === 0);

    const code = await runSipp({
      runDir: sip.runDir,
      name: 'sipp-uac-to-5001',
      scenario: 'uac-rejected',
      remotePort: sip.sipPort,
      localPort: await freePort(),
      keys: { sb_from: '+15550004444', sb_to: '5001', sb_domain: sip.domain },
    });
    expect(code).toBe(0);
  });
});
