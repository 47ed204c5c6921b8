import { describe, expect, test } from 'vitest';
import {
  NUMBERS,
  RING,
  STAFF,
  answers,
  api,
  dial,
  eventually,
  expectAbout,
  freshCaller,
  gateway,
  historyOf,
  hoursAround,
  invitedAgents,
  offersOf,
  phones,
  presence,
  ringMs,
  useScenarioWorld,
  world,
} from './sip-support/scenario-world';
import { startCrowd } from './sip-support/scenario-kit';
import type { Agent } from './sip-support/scenario-world';
import { GATEWAY_HOST } from './sip-support/test-stack';

/** The company number and the main number on real calls. */

useScenarioWorld();

// ----- company number -----

describe('company number', () => {
  const company = async (settings: Record<string, unknown>) => {
    const current = await api('GET', `/api/numbers/${NUMBERS.company.id}`);
    await api('PUT', `/api/numbers/${NUMBERS.company.id}/company`, {
      ...current.company,
      customRules: [],
      ...settings,
    });
  };
  const userRule = (a: Agent) => ({ kind: 'user', staffId: STAFF[a].id, ringTimeoutSeconds: RING });
  const contact = (name: string, phone: string, agent: Agent) =>
    api('POST', '/api/contacts', { name, primaryPhone: phone, primaryAgentId: STAFF[agent].id, source: 'Test' });

  test("a known contact: the contact's primary agent rings, not the unknown-caller rule", async () => {
    await company({ defaultRule: userRule('alice') });
    const phone = freshCaller();
    await contact('Nina Known', phone, 'carol');
    await presence({ alice: 'available', carol: 'available' });
    const p = await phones({ alice: answers(), carol: answers() });
    const call = await dial(NUMBERS.company, { from: phone });
    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, call.callId!)).toEqual(['carol']);
    expect(await offersOf(call.callId!, 1)).toEqual([
      { agent: 'carol', reason: 'primary agent of contact Nina Known' },
    ]);
  });

  test('duplicate numbers: same primary agent rings that agent; different agents ring the newest contact’s agent', async () => {
    await company({ defaultRule: userRule('alice') });
    const shared = freshCaller();
    await contact('Olga Same', shared, 'bob');
    await contact('Olga Same Ltd', shared, 'bob');
    const split = freshCaller();
    await contact('Pete Older', split, 'carol');
    await new Promise((r) => setTimeout(r, 20));
    await contact('Pete Newer', split, 'dave');
    await presence({ alice: 'available', bob: 'available', carol: 'available', dave: 'available' });
    const p = await phones({ alice: answers(), bob: answers(), carol: answers(), dave: answers() });

    const same = await dial(NUMBERS.company, { from: shared });
    expect(same.finalCode).toBe(200);
    expect(invitedAgents(p, same.callId!)).toEqual(['bob']);
    expect(await offersOf(same.callId!, 1)).toEqual([
      { agent: 'bob', reason: 'primary agent of contact Olga Same, Olga Same Ltd' },
    ]);

    const different = await dial(NUMBERS.company, { from: split });
    expect(different.finalCode).toBe(200);
    expect(invitedAgents(p, different.callId!)).toEqual(['dave']);
    expect(await offersOf(different.callId!, 1)).toEqual([
      { agent: 'dave', reason: 'primary agent of contact Pete Newer (newest of 2 contacts with this number)' },
    ]);
  });

  test('an unknown caller: a custom rule active now comes before the default rule; outside it, the default rule', async () => {
    const blast = {
      kind: 'blast',
      staffIds: [STAFF.alice.id, STAFF.carol.id, STAFF.dave.id],
      ringTimeoutSeconds: RING,
    };
    await company({
      defaultRule: userRule('bob'),
      customRules: [{ name: 'Now', activeHours: hoursAround('Europe/London', -30, 30), route: blast }],
    });
    await presence({ alice: 'available', bob: 'available', carol: 'available', dave: 'offline' });
    const p = await phones({ alice: 'ring', bob: answers(), carol: answers(500), dave: answers() });

    const inRule = await dial(NUMBERS.company);
    expect(inRule.finalCode).toBe(200);
    // The blast rings every available agent of the rule together (Dave is offline: skipped).
    expect(invitedAgents(p, inRule.callId!).sort()).toEqual(['alice', 'carol']);
    expect(p.alice.first(inRule.callId!, 'cancelled')).toBeDefined();
    const offers = await offersOf(inRule.callId!, 2);
    expect(offers.map((o) => `${o.agent}: ${o.reason}`).sort()).toEqual([
      "alice: unknown caller: blast rule 'Now'",
      "carol: unknown caller: blast rule 'Now'",
    ]);

    await company({
      defaultRule: userRule('bob'),
      customRules: [{ name: 'Later', activeHours: hoursAround('Europe/London', 120, 180), route: blast }],
    });
    const byDefault = await dial(NUMBERS.company);
    expect(byDefault.finalCode).toBe(200);
    expect(invitedAgents(p, byDefault.callId!)).toEqual(['bob']);
    expect(await offersOf(byDefault.callId!, 1)).toEqual([
      { agent: 'bob', reason: 'unknown caller: default user rule' },
    ]);
  });

  test(
    '50 calls in progress: the 51st is refused busy (486); once they end, calls are taken again',
    { timeout: 60_000 },
    async () => {
      await company({ defaultRule: { kind: 'number', number: '+442079460777', ringTimeoutSeconds: RING } });
      const far = await gateway(50);
      const crowd = await startCrowd(world.sip, {
        number: NUMBERS.company.e164,
        from: freshCaller(),
        calls: 50,
        rate: 25,
        holdMs: 9000,
      });
      try {
        const answered = await eventually(
          () => crowd.events().filter((e) => e.name === 'answered').length,
          (n) => n >= 50,
          15_000,
        );
        expect(answered).toBe(50);

        const refused = await dial(NUMBERS.company);
        expect(refused.finalCode).toBe(486);
        expect(refused.events.find((e) => e.name === 'final')!.at - refused.invitedAt!).toBeLessThan(1500);
        expect(far.first(refused.callId!, 'invite')).toBeUndefined();
        expect(await historyOf(refused.callId!)).toMatchObject({ state: 'refused', outcomeReason: 'All lines busy' });
        // The crowd's calls were all still up when the 51st came.
        expect(crowd.events().filter((e) => e.name === 'ended')).toHaveLength(0);

        expect(await crowd.done).toBe(0);
        expect(crowd.events().filter((e) => e.name === 'ended')).toHaveLength(50);
        await new Promise((r) => setTimeout(r, 500));
        const after = await dial(NUMBERS.company, { durationS: 0.3 });
        expect(after.finalCode).toBe(200);
        expect(far.first(after.callId!, 'invite')!.args[0]).toBe(
          `sip:+442079460777@${GATEWAY_HOST}:${world.gatewayPort}`,
        );
      } finally {
        await crowd.stop();
      }
    },
  );
});

// ----- main number -----

describe('main number (business hours in Asia/Tokyo)', () => {
  const ZONE = 'Asia/Tokyo';
  const main = async (settings: Record<string, unknown>) => {
    const { pinIsDefault: _pin, ...current } = (await api('GET', `/api/numbers/${NUMBERS.main.id}`)).main;
    await api('PUT', `/api/numbers/${NUMBERS.main.id}/main`, { ...current, ...settings });
  };
  const branches = {
    inHours: {
      huntGroup: { staffIds: [STAFF.alice.id, STAFF.bob.id], ringSeconds: RING },
      then: { kind: 'main-reception', staffId: STAFF.carol.id, greeting: 'Take a name and number', ringSeconds: RING },
    },
    outOfHours: { huntGroup: { staffIds: [STAFF.dave.id], ringSeconds: RING }, then: { kind: 'voicemail' } },
  };
  const businessHours = (windows: unknown[]) => api('PUT', '/api/org/business-hours', { timeZone: ZONE, windows });

  test('reserved: calls are refused (403) and nobody rings', async () => {
    await main({ state: 'reserved', ...branches });
    await presence({ alice: 'available', bob: 'available' });
    const p = await phones({ alice: answers(), bob: answers() });
    const call = await dial(NUMBERS.main);
    expect(call.finalCode).toBe(403);
    expect(invitedAgents(p, call.callId!)).toEqual([]);
    expect(await historyOf(call.callId!)).toMatchObject({ state: 'refused', outcomeReason: 'Number reserved' });
  });

  test('in hours: the hunt group rings together for its time, then main reception with the greeting', async () => {
    await main({ state: 'active', ...branches });
    await businessHours([hoursAround(ZONE, -30, 30)]);
    await presence({ alice: 'available', bob: 'available', carol: 'available', dave: 'available' });
    const p = await phones({ alice: 'ring', bob: 'ring', carol: answers(), dave: answers() });
    const call = await dial(NUMBERS.main);
    const id = call.callId!;

    expect(call.finalCode).toBe(200);
    expect(invitedAgents(p, id).slice(2)).toEqual(['carol']);
    expect(invitedAgents(p, id).slice(0, 2).sort()).toEqual(['alice', 'bob']);
    expect(Math.abs(p.alice.first(id, 'invite')!.at - p.bob.first(id, 'invite')!.at)).toBeLessThan(300);
    expectAbout(ringMs(p.alice, id), RING);
    expectAbout(ringMs(p.bob, id), RING);
    expect(p.carol.first(id, 'invite')!.at).toBeGreaterThanOrEqual(p.alice.first(id, 'cancelled')!.at);
    expect((await offersOf(id, 3)).map((o) => `${o.agent}: ${o.reason}`)).toEqual(
      expect.arrayContaining([
        'alice: main number hunt group, in hours',
        'bob: main number hunt group, in hours',
        'carol: main reception (in hours): Take a name and number',
      ]),
    );
  });

  test('out of hours: the out-of-hours hunt group rings, then voicemail (no voicemail service in this world: missed, 480; see voicemail-*.test.ts)', async () => {
    await main({ state: 'active', ...branches });
    await businessHours([hoursAround(ZONE, 60, 120)]);
    await presence({ alice: 'available', bob: 'available', carol: 'available', dave: 'available' });
    const p = await phones({ alice: answers(), bob: answers(), carol: answers(), dave: 'ring' });
    const call = await dial(NUMBERS.main);
    const id = call.callId!;

    expect(call.finalCode).toBe(480);
    expect(invitedAgents(p, id)).toEqual(['dave']);
    expectAbout(ringMs(p.dave, id), RING);
    expect(await offersOf(id, 1)).toEqual([{ agent: 'dave', reason: 'main number hunt group, out of hours' }]);
    expect(await historyOf(id, (c) => c?.state === 'missed')).toMatchObject({
      state: 'missed',
      outcomeReason: 'Nobody answered (voicemail unavailable)',
    });
  });
});
