import { expect, test } from 'vitest';
import type { CallHistoryItem } from '../../src/common/calls';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import type { BoardCall } from '../../src/common/api/board';
import { apiAs } from '../support/api-client';
import { signIn } from '../support/companion-harness';
import { header } from './sip-support/sip-message';
import { SECRET, creds, eventually, history, phone, useSecurityWorld, world, ws } from './sip-support/security-world';

// Calls between extensions are in the call history of both agents, as Kamailio saw them (the real stack).
useSecurityWorld();

const historyOf = async (email: string) =>
  history(await signIn(world.h, email, email.endsWith('@globex.test') ? 'globex-password-1' : undefined));
const lineFor = (callId: string) => (h: CallHistoryItem[]) => h.some((c) => c.id === callId);
const find = async (email: string, callId: string) =>
  (await eventually(() => historyOf(email), lineFor(callId))).find((c) => c.id === callId)!;

async function caller(extension: string) {
  const client = await ws();
  const reg = await client.register({ extension, domain: world.sip.domain, credentials: creds(extension) });
  expect(reg.status).toBe(200);
  const call = (target: string) =>
    client.invite({
      from: extension,
      target: `sip:${target}@${world.sip.domain}`,
      domain: world.sip.domain,
      credentials: creds(extension),
    });
  return { client, call };
}

test('an answered call between agents is in both agents’ history, and the organisation’s, with who hung up', async () => {
  await phone('1002', 'answer');
  const alice = await caller('1001');
  const placed = await alice.call('1002');
  expect(placed.ok).toBe(true);
  if (!placed.ok) return;
  expect((await alice.client.bye(placed.dialog)).status).toBe(200);
  const callId = placed.dialog.callId;

  expect(await find('alice@acme.test', callId)).toMatchObject({
    direction: 'internal',
    internal: { callerId: 'staff-alice', calleeId: 'staff-bob' },
    caller: { number: '1001', name: 'Alice Agent' },
    number: { number: '1002', displayName: 'Bob Agent' },
    state: 'ended',
    outcomeReason: 'Caller hung up',
    answeredBy: { id: 'staff-bob' },
  });
  expect((await find('alice@acme.test', callId)).durationSeconds).toEqual(expect.any(Number));
  expect(await find('bob@acme.test', callId)).toMatchObject({ direction: 'internal', state: 'ended' });
  expect(await find('supervisor@acme.test', callId)).toMatchObject({ direction: 'internal' });
  // Someone it was not about does not see it; nor does another organisation.
  expect((await historyOf('dave@acme.test')).some((c) => c.id === callId)).toBe(false);
  expect((await historyOf('gina@globex.test')).some((c) => c.id === callId)).toBe(false);
});

test("a call between agents is on the supervisor's board while it lasts: both sides, the other agent; then gone", async () => {
  await phone('1002', 'answer');
  const alice = await caller('1001');
  const supervisor = apiAs(world.h, await signIn(world.h, 'supervisor@acme.test'));
  const calls = async () => {
    const { activity } = (await supervisor.get('/api/supervisor/board')).body as {
      activity: { staffId: string; call: BoardCall | null }[];
    };
    return Object.fromEntries(activity.map((a) => [a.staffId, a.call]));
  };
  const placed = await alice.call('1002');
  expect(placed.ok).toBe(true);
  if (!placed.ok) return;
  const during = await eventually(calls, (c) => c['staff-bob']?.status === 'talking');
  expect(during['staff-alice']).toMatchObject({
    id: placed.dialog.callId,
    direction: 'outbound',
    status: 'talking',
    party: { number: '1002', name: 'Bob Agent', staffId: 'staff-bob' },
    number: null,
    answeredAt: expect.any(Number),
  });
  expect(during['staff-bob']).toMatchObject({
    direction: 'inbound',
    party: { number: '1001', name: 'Alice Agent', staffId: 'staff-alice' },
  });
  expect(during['staff-carol']).toBeNull();
  expect((await alice.client.bye(placed.dialog)).status).toBe(200);
  const after = await eventually(calls, (c) => c['staff-alice'] === null && c['staff-bob'] === null);
  expect([after['staff-alice'], after['staff-bob']]).toEqual([null, null]);
});

test('a call between agents is on the board only by Kamailio’s word: a forged progress report is refused', async () => {
  const q = new URLSearchParams({
    callId: 'forged-p',
    from: '1001',
    to: '1002',
    event: 'answered',
    startedAt: '1700000000',
  });
  const url = `${world.h.hookUrl}/internal/sip/internal-call-progress?${q}`;
  expect((await fetch(url)).status).toBe(403);
  expect((await fetch(url, { headers: { [HOOK_TOKEN_HEADER]: 'guess' } })).status).toBe(403);
  // With the token, a call to another organisation's extension is no call a board shows.
  q.set('to', '2001');
  const other = `${world.h.hookUrl}/internal/sip/internal-call-progress?${q}`;
  expect((await fetch(other, { headers: { [HOOK_TOKEN_HEADER]: hookToken(SECRET) } })).status).toBe(409);
  const supervisor = apiAs(world.h, await signIn(world.h, 'supervisor@acme.test'));
  const { activity } = (await supervisor.get('/api/supervisor/board')).body as { activity: { call: unknown }[] };
  expect(JSON.stringify(activity)).not.toContain('forged-p');
});

test('a declined call is recorded as declined, not as missed for want of an answer', async () => {
  const carol = await ws();
  await carol.register({ extension: '1003', domain: world.sip.domain, credentials: creds('1003') });
  // What the phone sends for Decline (src/sip/call-control.ts).
  carol.onRequest = (req) => {
    if (req.method === 'INVITE') carol.send(carol.reply(req, 486, 'Busy Here', 'tdecline'));
  };
  const alice = await caller('1001');
  const placed = await alice.call('1003');
  expect(placed.ok).toBe(false);
  const callId = header(placed.reply, 'call-id')!;
  expect(await find('alice@acme.test', callId)).toMatchObject({
    direction: 'internal',
    state: 'missed',
    outcomeReason: 'Declined',
  });
  expect(await find('carol@acme.test', callId)).toMatchObject({
    state: 'missed',
    outcomeReason: 'Declined',
    internal: { calleeId: 'staff-carol' },
  });
});

test('an extension nobody has is recorded as such; another organisation’s extension reads exactly the same', async () => {
  const alice = await caller('1001');
  const unknown = await alice.call('1099');
  const globex = await alice.call('2001');
  expect([unknown.reply.status, globex.reply.status]).toEqual([404, 404]);
  const unknownId = header(unknown.reply, 'call-id')!;
  const globexId = header(globex.reply, 'call-id')!;
  expect(await find('alice@acme.test', unknownId)).toMatchObject({
    state: 'refused',
    outcomeReason: 'No such extension',
    internal: { calleeId: null },
    number: { number: '1099' },
  });
  expect(await find('alice@acme.test', globexId)).toMatchObject({
    state: 'refused',
    outcomeReason: 'No such extension',
    internal: { calleeId: null },
    number: { number: '2001' },
  });
  // Globex learns nothing of it, and nobody of Globex is named in Acme's record.
  expect((await historyOf('gus@globex.test')).some((c) => c.id === globexId)).toBe(false);
  expect(JSON.stringify(await find('alice@acme.test', globexId))).not.toContain('Gus');
});

test('the report is Kamailio’s alone: without the hook token it is refused; a caller who is no agent records nothing', async () => {
  const q = new URLSearchParams({
    callId: 'forged-1',
    from: '1001',
    to: '1002',
    outcome: 'ended',
    startedAt: '1700000000',
    answeredAt: '1700000001',
    by: 'caller',
  });
  expect((await fetch(`${world.h.hookUrl}/internal/sip/internal-call?${q}`)).status).toBe(403);
  expect(
    (await fetch(`${world.h.hookUrl}/internal/sip/internal-call?${q}`, { headers: { [HOOK_TOKEN_HEADER]: 'guess' } }))
      .status,
  ).toBe(403);
  q.set('from', '9999');
  q.set('callId', 'forged-2');
  const res = await fetch(`${world.h.hookUrl}/internal/sip/internal-call?${q}`, {
    headers: { [HOOK_TOKEN_HEADER]: hookToken(SECRET) },
  });
  expect(res.status).toBe(409);
  const all = await historyOf('admin@acme.test');
  expect(all.some((c) => c.id === 'forged-1' || c.id === 'forged-2')).toBe(false);
  // The public API has no such endpoint at all.
  expect((await fetch(`${world.h.url}/internal/sip/internal-call?${q}`)).status).toBe(404);
});
