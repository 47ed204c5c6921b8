import { describe, expect, test } from 'vitest';
import {
  NUMBERS,
  RING,
  answers,
  dial,
  eventually,
  expectAbout,
  historyOf,
  hoursAround,
  invitedAgents,
  offered,
  offersOf,
  phones,
  presence,
  ringMs,
  setRouting,
  staff,
  useScenarioWorld,
} from './sip-support/scenario-world';
import { type Phone } from './sip-support/scenario-kit';
import type { CallResult } from '../../scripts/sipp/caller';
import type { Agent } from './sip-support/scenario-world';

/** Routing rules on real calls: alternative, percentage and time routing (see sip-support/scenario-world.ts). */

useScenarioWorld();

// ----- alternative routing -----

describe('alternative routing', () => {
  test('no answer within the ring timeout: the next destination rings', async () => {
    await setRouting(NUMBERS.sales, {
      rule: {
        kind: 'alternative',
        destinations: [
          { destination: staff('alice'), ringTimeoutSeconds: RING },
          { destination: staff('bob'), ringTimeoutSeconds: RING },
        ],
      },
    });
    await presence({ alice: 'available', bob: 'available' });
    const p = await phones({ alice: 'ring', bob: answers() });
    const call = await dial(NUMBERS.sales);
    const id = call.callId!;

    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, id)).toEqual(['alice', 'bob']);
    expectAbout(ringMs(p.alice, id), RING);
    // Bob's phone rings as soon as Alice's stops.
    expect(p.bob.first(id, 'invite')!.at - p.alice.first(id, 'cancelled')!.at).toBeLessThan(1000);
    expect(await offersOf(id, 2)).toEqual([
      { agent: 'alice', reason: 'alternative routing, destination 1 of 2' },
      { agent: 'bob', reason: 'alternative routing, destination 2 of 2' },
    ]);
    const item = await historyOf(id, (c) => c?.state === 'ended');
    expect(item).toMatchObject({ state: 'ended', answeredBy: { name: 'Bob Agent' } });
    expect(item.rang.map((r) => r.name)).toEqual(['Alice Agent', 'Bob Agent']);
  });

  test('an agent whose tab says its phone is not registered, away and do-not-disturb agents are skipped at once, though Kamailio holds their phones', async () => {
    await setRouting(NUMBERS.sales, {
      rule: {
        kind: 'alternative',
        destinations: (['alice', 'bob', 'carol', 'dave'] as Agent[]).map((a) => ({
          destination: staff(a),
          ringTimeoutSeconds: RING,
        })),
      },
    });
    await presence({ alice: 'offline', bob: 'away', carol: 'dnd', dave: 'available' });
    const p = await phones({ alice: answers(), bob: answers(), carol: answers(), dave: answers() });
    const call = await dial(NUMBERS.sales);
    const id = call.callId!;

    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, id)).toEqual(['dave']);
    expect(p.dave.first(id, 'invite')!.at - call.invitedAt!).toBeLessThan(1500);
    expect(await offersOf(id, 1)).toEqual([{ agent: 'dave', reason: 'alternative routing, destination 4 of 4' }]);
    const item = await historyOf(id);
    // Alice's tab is open but its phone is not registered: routing names that, not a bare "offline".
    expect(item.summary).toContain('Alice Agent is not routable: phone not registered');
    expect(item.summary).toContain('Bob Agent is away');
    expect(item.summary).toContain('Carol Agent is on do-not-disturb');
  });

  test('a busy agent (486): the next destination rings at once', async () => {
    await setRouting(NUMBERS.sales, {
      rule: {
        kind: 'alternative',
        destinations: [
          { destination: staff('alice'), ringTimeoutSeconds: RING },
          { destination: staff('bob'), ringTimeoutSeconds: RING },
        ],
      },
    });
    await presence({ alice: 'available', bob: 'available' });
    const p = await phones({ alice: 'busy', bob: answers() });
    const call = await dial(NUMBERS.sales);
    const id = call.callId!;

    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, id)).toEqual(['alice', 'bob']);
    expect(p.alice.first(id, 'busy')).toBeDefined();
    expect(p.bob.first(id, 'invite')!.at - p.alice.first(id, 'busy')!.at).toBeLessThan(1000);
    expect((await historyOf(id)).answeredBy?.name).toBe('Bob Agent');
  });
});

// ----- percentage routing -----

test('percentage routing: 10 calls at 70/30 are answered exactly 7 and 3 times', async () => {
  await setRouting(NUMBERS.hours, {
    rule: {
      kind: 'percentage',
      destinations: [
        { destination: staff('alice'), weight: 70, ringTimeoutSeconds: RING },
        { destination: staff('bob'), weight: 30, ringTimeoutSeconds: RING },
      ],
    },
  });
  await presence({ alice: 'available', bob: 'available' });
  const p = await phones({ alice: answers(100), bob: answers(100) });
  const calls: CallResult[] = [];
  // In two waves of five: the rotation is kept by the companion, whatever the order calls arrive in.
  for (let wave = 0; wave < 2; wave++)
    calls.push(...(await Promise.all(Array.from({ length: 5 }, () => dial(NUMBERS.hours, { durationS: 0.3 })))));

  expect(calls.map((c) => c.finalCode)).toEqual(Array(10).fill(200));
  const ids = calls.map((c) => c.callId!);
  const answeredBy = (phone: Phone) => ids.filter((id) => phone.first(id, 'answered'));
  expect(answeredBy(p.alice)).toHaveLength(7);
  expect(answeredBy(p.bob)).toHaveLength(3);
  // Each call rang exactly one of them.
  for (const id of ids) expect(invitedAgents(p, id)).toHaveLength(1);
  const reasons = new Set(
    (
      await eventually(
        () => offered.filter((o) => ids.includes(o.sipCallId)),
        (l) => l.length >= 10,
      )
    ).map((o) => `${o.agent}: ${o.reason}`),
  );
  expect([...reasons].sort()).toEqual(['alice: percentage routing (70% share)', 'bob: percentage routing (30% share)']);
});

// ----- time routing -----

describe('time routing (the number is in America/New_York)', () => {
  const ZONE = 'America/New_York';
  const rule = (now: ReturnType<typeof hoursAround>, later: ReturnType<typeof hoursAround>) => ({
    kind: 'time',
    windows: [
      { name: 'Current shift', ...now, destination: staff('alice'), ringTimeoutSeconds: RING },
      { name: 'Late shift', ...later, destination: staff('bob'), ringTimeoutSeconds: RING },
    ],
    fallback: { destination: staff('carol'), ringTimeoutSeconds: RING },
  });

  test("now inside a window on the number's clock: that window's destination rings", async () => {
    await setRouting(NUMBERS.support, { rule: rule(hoursAround(ZONE, -30, 30), hoursAround(ZONE, 120, 180)) });
    await presence({ alice: 'available', bob: 'available', carol: 'available' });
    const p = await phones({ alice: answers(), bob: answers(), carol: answers() });
    const call = await dial(NUMBERS.support);
    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, call.callId!)).toEqual(['alice']);
    expect(await offersOf(call.callId!, 1)).toEqual([{ agent: 'alice', reason: 'current shift window' }]);
  });

  test('now outside every window: the fallback rings', async () => {
    await setRouting(NUMBERS.support, { rule: rule(hoursAround(ZONE, 60, 90), hoursAround(ZONE, 120, 180)) });
    await presence({ alice: 'available', bob: 'available', carol: 'available' });
    const p = await phones({ alice: answers(), bob: answers(), carol: answers() });
    const call = await dial(NUMBERS.support);
    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, call.callId!)).toEqual(['carol']);
    expect(await offersOf(call.callId!, 1)).toEqual([{ agent: 'carol', reason: 'outside time windows: fallback' }]);
  });
});
