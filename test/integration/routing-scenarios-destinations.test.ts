import { describe, expect, test } from 'vitest';
import {
  NUMBERS,
  RING,
  answeredInLastDay,
  answers,
  dial,
  eventually,
  expectAbout,
  freshCaller,
  gateway,
  group,
  historyOf,
  invitedAgents,
  offersOf,
  phones,
  presence,
  resolved,
  ringMs,
  setRouting,
  staff,
  useScenarioWorld,
  world,
} from './sip-support/scenario-world';

import type { Agent } from './sip-support/scenario-world';
import { GATEWAY_HOST } from './sip-support/test-stack';

/** Group dial patterns, external destinations, sticky routing and voicemail on real calls. */

useScenarioWorld();

// ----- group dial patterns -----

describe('group dial patterns', () => {
  const groupRule = (pattern: string, ...agents: Agent[]) => ({
    rule: { kind: 'alternative', destinations: [{ destination: group(pattern, ...agents), ringTimeoutSeconds: RING }] },
  });

  test('simultaneous: all ring at once; the first to answer takes it and the others get CANCEL', async () => {
    await setRouting(NUMBERS.hours, groupRule('simultaneous', 'alice', 'bob', 'carol'));
    await presence({ alice: 'available', bob: 'available', carol: 'available' });
    const p = await phones({ alice: 'ring', bob: answers(800), carol: 'ring' });
    const call = await dial(NUMBERS.hours);
    const id = call.callId!;

    expect(call.finalCode).toBe(200);
    const invites = [p.alice, p.bob, p.carol].map((ph) => ph.first(id, 'invite')!.at);
    expect(Math.max(...invites) - Math.min(...invites)).toBeLessThan(300);
    const answered = p.bob.first(id, 'answered')!.at;
    for (const other of [p.alice, p.carol]) {
      const cancelled = other.first(id, 'cancelled')!.at;
      expect(cancelled).toBeGreaterThanOrEqual(answered - 50);
      expect(cancelled - answered).toBeLessThan(1000);
    }
    const offers = await offersOf(id, 3);
    expect(offers.map((o) => o.agent).sort()).toEqual(['alice', 'bob', 'carol']);
    for (const o of offers) expect(o.reason).toBe('destination of the number, group rung together');
    const elsewhere = await eventually(
      () => resolved.filter((r) => r.sipCallId === id),
      (l) => l.length >= 2,
    );
    expect(elsewhere.map((r) => `${r.agent}: ${r.text}`).sort()).toEqual([
      'alice: Answered by Bob Agent',
      'carol: Answered by Bob Agent',
    ]);
  });

  test('round robin: the first agent tried moves on with every call', async () => {
    await setRouting(NUMBERS.hours, groupRule('round-robin', 'alice', 'bob', 'carol'));
    await presence({ alice: 'available', bob: 'available', carol: 'available' });
    const p = await phones({ alice: answers(100), bob: answers(100), carol: answers(100) });
    const firsts: Agent[] = [];
    for (let i = 0; i < 4; i++) {
      const call = await dial(NUMBERS.hours, { durationS: 0.3 });
      expect(call.finalCode).toBe(200);
      firsts.push(invitedAgents(p, call.callId!)[0]!);
      expect((await offersOf(call.callId!, 1))[0]!.reason).toBe('destination of the number, round robin');
    }
    expect(firsts).toEqual(['alice', 'bob', 'carol', 'alice']);
  });

  test('sequential: members in list order, the next when one does not answer in time', async () => {
    await setRouting(NUMBERS.hours, groupRule('sequential', 'carol', 'alice', 'bob'));
    await presence({ alice: 'available', bob: 'available', carol: 'available' });
    const p = await phones({ alice: 'ring', bob: answers(), carol: 'ring' });
    const call = await dial(NUMBERS.hours);
    const id = call.callId!;

    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, id)).toEqual(['carol', 'alice', 'bob']);
    expectAbout(ringMs(p.carol, id), RING);
    expectAbout(ringMs(p.alice, id), RING);
    // One at a time: each rings only after the previous one was cancelled.
    expect(p.alice.first(id, 'invite')!.at).toBeGreaterThanOrEqual(p.carol.first(id, 'cancelled')!.at);
    expect(p.bob.first(id, 'invite')!.at).toBeGreaterThanOrEqual(p.alice.first(id, 'cancelled')!.at);
    expect((await offersOf(id, 3)).map((o) => `${o.agent}: ${o.reason}`)).toEqual([
      'carol: destination of the number, group in order',
      'alice: destination of the number, group in order',
      'bob: destination of the number, group in order',
    ]);
  });

  test('least connected: the member who took the fewest calls in the last 24 hours rings first', async () => {
    const p = await phones({ alice: answers(), bob: answers(), carol: answers() });
    // Make Carol clearly the busiest: she alone is available for two calls.
    await setRouting(NUMBERS.hours, groupRule('least-connected', 'alice', 'bob', 'carol'));
    await presence({ carol: 'available' });
    expect((await dial(NUMBERS.hours)).finalCode).toBe(200);
    expect((await dial(NUMBERS.hours)).finalCode).toBe(200);
    const taken = await answeredInLastDay();

    // List the group busiest first, so plain list order and least-connected disagree.
    const members = (['alice', 'bob', 'carol'] as const).slice().sort((a, b) => taken[b] - taken[a]);
    const fewest = [...members].sort((a, b) => taken[a] - taken[b])[0]!;
    expect(taken[fewest]).toBeLessThan(taken[members[0]!]);
    await setRouting(NUMBERS.hours, groupRule('least-connected', ...members));
    await presence({ alice: 'available', bob: 'available', carol: 'available' });
    const call = await dial(NUMBERS.hours);

    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, call.callId!)).toEqual([fewest]);
    const n = taken[fewest];
    expect(await offersOf(call.callId!, 1)).toEqual([
      { agent: fewest, reason: `destination of the number, least connected (${n} call${n === 1 ? '' : 's'} in 24 h)` },
    ]);
  });
});

// ----- external destination -----

test('external destination: the gateway receives the number with its dial extension and delay', async () => {
  await setRouting(NUMBERS.hours, {
    rule: {
      kind: 'alternative',
      destinations: [
        {
          destination: { kind: 'external', number: '+442079460123', dialExtension: '204', dialDelaySeconds: 3 },
          ringTimeoutSeconds: RING,
        },
      ],
    },
  });
  await presence({ alice: 'available' });
  const far = await gateway();
  const call = await dial(NUMBERS.hours);
  expect(call.finalCode).toBe(200);
  const invite = far.first(call.callId!, 'invite')!;
  expect(invite.args[0]).toBe(`sip:+442079460123@${GATEWAY_HOST}:${world.gatewayPort};ext=204;ext-delay=3`);
  expect(invite.at - call.invitedAt!).toBeLessThan(1500);
  expect(far.first(call.callId!, 'answered')).toBeDefined();
  expect((await historyOf(call.callId!)).summary).toContain('+442079460123 ext. 204');
});

test('an external destination whose gateway never answers fails after about 5 s, not the whole ring time', async () => {
  await setRouting(NUMBERS.hours, {
    rule: {
      kind: 'alternative',
      destinations: [
        { destination: { kind: 'external', number: '+442079460123' }, ringTimeoutSeconds: 60 },
        { destination: staff('bob'), ringTimeoutSeconds: RING },
      ],
    },
  });
  await presence({ bob: 'available' });
  const p = await phones({ bob: answers() });
  // No gateway is listening at PSTN_GATEWAY: the INVITE to it gets no provisional reply at all.
  const call = await dial(NUMBERS.hours);
  expect(call.finalCode).toBe(200);
  expectAbout(p.bob.first(call.callId!, 'invite')!.at - call.invitedAt!, 5);
});

// ----- sticky routing -----

describe('sticky routing', () => {
  const rule = {
    kind: 'alternative',
    destinations: [
      { destination: staff('alice'), ringTimeoutSeconds: RING },
      { destination: staff('bob'), ringTimeoutSeconds: RING },
    ],
  };
  const sticky = (fallbackToDestinations: boolean) => ({ enabled: true, bindingDays: 7, fallbackToDestinations });

  /** A call from `caller` answered by Bob (Alice is offline then): binds the caller to Bob. */
  async function bindToBob(caller: string) {
    await presence({ bob: 'available' });
    const p = await phones({ bob: answers(200) });
    const call = await dial(NUMBERS.sales, { from: caller });
    expect(call.finalCode).toBe(200);
    expect((await historyOf(call.callId!, (c) => c?.answeredBy != null)).answeredBy?.name).toBe('Bob Agent');
    await p.bob.stop();
  }

  test('after an answered call, the same caller goes straight to that agent', async () => {
    await setRouting(NUMBERS.sales, { rule, sticky: sticky(true) });
    const caller = freshCaller();
    await bindToBob(caller);

    await presence({ alice: 'available', bob: 'available' });
    const p = await phones({ alice: answers(), bob: answers() });
    const call = await dial(NUMBERS.sales, { from: caller });
    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, call.callId!)).toEqual(['bob']);
    expect(p.bob.first(call.callId!, 'invite')!.at - call.invitedAt!).toBeLessThan(1500);
    expect(await offersOf(call.callId!, 1)).toEqual([
      { agent: 'bob', reason: 'sticky: last spoke to the caller today' },
    ]);

    // Another caller still follows the rule.
    const other = await dial(NUMBERS.sales);
    expect(invitedAgents(p, other.callId!)).toEqual(['alice']);
  });

  test('fallback on: the bound agent is unavailable, so the normal destinations ring', async () => {
    await setRouting(NUMBERS.sales, { rule, sticky: sticky(true) });
    const caller = freshCaller();
    await bindToBob(caller);

    await presence({ alice: 'available', bob: 'away' });
    const p = await phones({ alice: answers(), bob: answers() });
    const call = await dial(NUMBERS.sales, { from: caller });
    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, call.callId!)).toEqual(['alice']);
    expect(await offersOf(call.callId!, 1)).toEqual([
      { agent: 'alice', reason: 'alternative routing, destination 1 of 2' },
    ]);
    expect((await historyOf(call.callId!)).summary).toContain(
      'Sticky routing: Bob Agent is unavailable, falling back to destinations',
    );
  });

  test('fallback off: the bound agent is unavailable, so no-answer handling applies (missed, or the fail-safe number)', async () => {
    await setRouting(NUMBERS.sales, { rule, sticky: sticky(false) });
    const caller = freshCaller();
    await bindToBob(caller);

    await presence({ alice: 'available', bob: 'away' });
    const p = await phones({ alice: answers(), bob: answers() });
    const missed = await dial(NUMBERS.sales, { from: caller });
    expect(missed.finalCode).toBe(480);
    expect(missed.events.find((e) => e.name === 'final')!.at - missed.invitedAt!).toBeLessThan(1500);
    expect(invitedAgents(p, missed.callId!)).toEqual([]);
    expect(await historyOf(missed.callId!, (c) => c?.state === 'missed')).toMatchObject({ state: 'missed', rang: [] });

    await setRouting(NUMBERS.sales, { rule, sticky: sticky(false), noAnswer: { failSafeNumber: '+442079460999' } });
    const far = await gateway();
    const failSafe = await dial(NUMBERS.sales, { from: caller });
    expect(failSafe.finalCode).toBe(200);
    expect(far.first(failSafe.callId!, 'invite')!.args[0]).toBe(
      `sip:+442079460999@${GATEWAY_HOST}:${world.gatewayPort}`,
    );
    expect(invitedAgents(p, failSafe.callId!)).toEqual([]);
  });
});

// ----- voicemail with no voicemail service running (the service itself: voicemail-*.test.ts) -----

test('voicemail: when nobody answers and the voicemail service is not running, the call ends as missed (480)', async () => {
  await setRouting(NUMBERS.bookings, {
    rule: { kind: 'alternative', destinations: [{ destination: staff('carol'), ringTimeoutSeconds: RING }] },
  });
  await presence({ carol: 'available' });
  const p = await phones({ carol: 'ring' });
  const call = await dial(NUMBERS.bookings);
  const id = call.callId!;

  expect(call.finalCode).toBe(480);
  expectAbout(ringMs(p.carol, id), RING);
  expectAbout(call.events.find((e) => e.name === 'final')!.at - call.invitedAt!, RING);
  expect(await historyOf(id, (c) => c?.state === 'missed')).toMatchObject({
    state: 'missed',
    outcomeReason: 'Nobody answered (voicemail unavailable)',
  });
});
