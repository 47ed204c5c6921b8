import { expect, test } from 'vitest';
import type { CallOffered } from '../../src/common/calls';
import { kamcmd } from '../../scripts/stack/kamcmd';
import { startCaller } from '../../scripts/sipp/caller';
import { nextEvent, signIn, type TestFeed } from '../support/companion-harness';
import { apiAs } from '../support/api-client';
import { SALES, eventually, feedOf, history, phone, useSecurityWorld, world } from './sip-support/security-world';

// Who answered and whether a call is still up are facts Kamailio observes; a browser's call:answer is a hint.
useSecurityWorld();

const forgeAnswer = (feed: TestFeed, sipCallId: string) =>
  new Promise((r) => feed.emit('call:answer', { sipCallId }, r));
const callOf = async (id: string, state?: string) =>
  (await eventually(history, (h) => h.some((c) => c.id === id && (!state || c.state === state)))).find(
    (c) => c.id === id,
  );
const unfinished = () =>
  world.h.repos.db.prepare("SELECT COUNT(*) FROM calls WHERE state IN ('ringing', 'answered')").pluck().get() as number;

async function ringBothAliceAndBob() {
  const admin = apiAs(world.h, await signIn(world.h, 'admin@acme.test'));
  const current = (await admin.get('/api/numbers/num-sales')).body as { routing: Record<string, unknown> };
  const res = await admin.put('/api/numbers/num-sales/routing', {
    ...current.routing,
    rule: {
      kind: 'alternative',
      destinations: [
        {
          destination: { kind: 'group', pattern: 'simultaneous', staffIds: ['staff-alice', 'staff-bob'] },
          ringTimeoutSeconds: 20,
        },
      ],
    },
    sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

test('a call that only rang, whose page said "answered", is missed when the caller hangs up: never answered', async () => {
  const alice = await feedOf('alice@acme.test');
  await phone('1001', 'ring');
  const offered = nextEvent<CallOffered>(alice, 'call:offered');
  const { result } = await startCaller({
    runDir: world.sip.runDir,
    number: SALES,
    from: '+447700900401',
    kamailioPort: world.sip.sipPort,
    cancelAfterMs: 1500,
    name: 'rang-then-cancelled',
  });
  const { sipCallId } = await offered;
  await forgeAnswer(alice, sipCallId);
  expect((await result).finalCode).toBe(487);
  expect(await callOf(sipCallId, 'missed')).toMatchObject({
    state: 'missed',
    answeredBy: null,
    outcomeReason: 'Caller hung up while ringing',
  });
});

test('the answering agent is the one whose phone sent the 200, not the first browser to say so', async () => {
  await ringBothAliceAndBob();
  const alice = await feedOf('alice@acme.test');
  await feedOf('bob@acme.test');
  await phone('1001', 'ring');
  const bobsPhone = await phone('1002', 'answer');
  const offered = nextEvent<CallOffered>(alice, 'call:offered');
  const { result } = await startCaller({
    runDir: world.sip.runDir,
    number: SALES,
    from: '+447700900402',
    kamailioPort: world.sip.sipPort,
    durationS: 1,
    name: 'answered-by-bob',
  });
  const { sipCallId } = await offered;
  await forgeAnswer(alice, sipCallId);
  expect((await result).finalCode).toBe(200);
  expect(bobsPhone.answered).toHaveLength(1);
  expect(await callOf(sipCallId, 'ended')).toMatchObject({ answeredBy: { name: 'Bob Agent' } });
});

test("a call whose end was never reported is closed by the sweep against Kamailio's dialogs, and stops counting toward the number's limit", async () => {
  await feedOf('alice@acme.test');
  await feedOf('bob@acme.test');
  await phone('1001', 'answer');
  await phone('1002', 'ring');
  const before = unfinished();
  const { result } = await startCaller({
    runDir: world.sip.runDir,
    number: SALES,
    from: '+447700900403',
    kamailioPort: world.sip.sipPort,
    durationS: 30,
    name: 'lost-events',
  });
  const call = await eventually(history, (h) =>
    h.some((c) => c.caller.number === '+447700900403' && c.state === 'answered'),
  );
  const id = call.find((c) => c.caller.number === '+447700900403')!.id;

  // While the call is up, the sweep leaves it alone.
  expect(await world.h.sweepCalls(0)).toBe(0);
  expect((await callOf(id))!.state).toBe('answered');

  // Kamailio ends the dialog itself (as after a lost BYE or a restart): no call event reaches the companion.
  const listed = await kamcmd(world.sip.runDir, 'dlg.list');
  const upTo = listed.stdout.slice(0, listed.stdout.indexOf(`call-id: ${id}`));
  const hEntry = [...upTo.matchAll(/h_entry: (\d+)/g)].pop()?.[1];
  const hId = [...upTo.matchAll(/h_id: (\d+)/g)].pop()?.[1];
  expect(hEntry && hId, listed.stdout).toBeTruthy();
  expect((await kamcmd(world.sip.runDir, 'dlg.end_dlg', hEntry!, hId!)).code).toBe(0);
  await result;
  expect((await callOf(id))!.state).toBe('answered');
  expect(unfinished()).toBe(before + 1);

  expect(await world.h.sweepCalls(0)).toBe(1);
  expect(await callOf(id)).toMatchObject({
    state: 'ended',
    outcomeReason: 'Ended: the call was no longer up at the SIP proxy',
  });
  expect(unfinished()).toBe(before);
});
