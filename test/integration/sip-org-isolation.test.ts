import { expect, test } from 'vitest';
import { apiAs } from '../support/api-client';
import { signIn } from '../support/companion-harness';
import { agentRequest, creds, phone, useSecurityWorld, world } from './sip-support/security-world';

// Acme (extensions 1000-1009) and Globex (2000, 2001) share one Kamailio. An agent reaches only its own
// organisation's extensions, and the answer for another organisation's extension is exactly the answer for
// an extension nobody registered, so nothing tells who is online elsewhere.
useSecurityWorld();

const sipUri = (ext: string) => `sip:${ext}@${world.sip.domain}`;

test("an agent cannot ring, text or probe another organisation's agent, and cannot tell whether they are online", async () => {
  const gus = await phone('2001');
  const carol = await phone('1003');
  const call = (ext: string) =>
    carol.client.invite({ from: '1003', target: sipUri(ext), domain: world.sip.domain, credentials: creds('1003') });

  const otherOrgOnline = await call('2001');
  const ownOrgOffline = await call('1004');
  const nobody = await call('1099');
  for (const r of [otherOrgOnline, ownOrgOffline, nobody])
    expect([r.reply.status, r.reply.reason]).toEqual([404, 'Not Found']);

  for (const method of ['MESSAGE', 'OPTIONS']) {
    const other = await agentRequest(carol.client, {
      method,
      from: '1003',
      target: sipUri('2001'),
      body: method === 'MESSAGE' ? 'hi' : undefined,
    });
    const offline = await agentRequest(carol.client, {
      method,
      from: '1003',
      target: sipUri('1004'),
      body: method === 'MESSAGE' ? 'hi' : undefined,
    });
    expect([other.status, other.reason], method).toEqual([offline.status, offline.reason]);
    expect(other.status, method).toBe(404);
  }
  expect(gus.seen).toEqual([]);

  // And the other way round.
  const back = await gus.client.invite({
    from: '2001',
    target: sipUri('1003'),
    domain: world.sip.domain,
    credentials: creds('2001'),
  });
  expect(back.reply.status).toBe(404);
  expect(carol.seen).toEqual([]);
});

test('agents of one organisation still call and text each other', async () => {
  const alice = await phone('1001');
  const bob = await phone('1002');
  const text = await agentRequest(bob.client, {
    method: 'MESSAGE',
    from: '1002',
    target: sipUri('1001'),
    body: 'lunch?',
  });
  expect(text.status).toBe(200);
  const call = await bob.client.invite({
    from: '1002',
    target: sipUri('1001'),
    domain: world.sip.domain,
    credentials: creds('1002'),
  });
  expect(call.reply.status).toBe(200);
  if (call.ok) expect((await bob.client.bye(call.dialog)).status).toBe(200);
  expect(alice.seen.map((m) => m.method)).toEqual(expect.arrayContaining(['MESSAGE', 'INVITE', 'BYE']));
});

test('a taken email or extension answers 409 without a word about the organisation that holds it', async () => {
  const globex = apiAs(world.h, await signIn(world.h, 'gina@globex.test', 'globex-password-1'));
  const base = { name: 'New Hire', role: 'agent', password: 'a-long-enough-password-42' };
  for (const body of [
    { ...base, email: 'alice@acme.test', extension: null },
    { ...base, email: 'new-hire@globex.test', extension: '1001' },
  ]) {
    const res = await globex.post('/api/staff', body);
    expect(res.status).toBe(409);
    const text = JSON.stringify(res.body);
    for (const secret of ['Alice', 'Acme', 'org-demo', 'staff-alice', 'alice@']) expect(text).not.toContain(secret);
  }
});
