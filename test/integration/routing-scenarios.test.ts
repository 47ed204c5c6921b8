import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CallHistoryItem, CallOffered, CallResolved } from '../../src/common/calls';
import { kamcmd } from '../../scripts/stack/kamcmd';
import { placeCall, type CallResult } from '../../scripts/sipp/caller';
import { nextEvent, openFeed, signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';
import { freePort } from './sip-support/ports';
import { startCrowd, startGateway, startPhone, startScenarioSipStack, type Phone, type PhoneBehaviour } from './sip-support/scenario-kit';
import type { TestSipStack } from './sip-support/test-stack';

/**
 * Every routing kind on real calls: a phone-network caller (sipp) dials a virtual number, Kamailio asks the
 * real companion where it goes, and the agents' phones (sipp, registered as their extensions) ring. Each
 * scenario checks who rang, in which order and for how long (sipp's own timestamps, with slack), and the
 * reason the companion gave each agent (their feed's call:offered) or the call history.
 *
 * Ring timeouts are 5 s; "about 5 s" is asserted as 4–8 s.
 */

const SECRET = 'routing-scenarios-secret-0123456789';
const NUMBERS = {
  sales: { id: 'num-sales', e164: '+442071234567' },
  /** America/New_York: time windows are read on New York's clock. */
  support: { id: 'num-support', e164: '+18005550100' },
  hours: { id: 'num-hours', e164: '+442071234568' },
  /** Voicemail on: one destination only. */
  bookings: { id: 'num-bookings', e164: '+442071234569' },
  company: { id: 'num-company', e164: '+442079460000' },
  main: { id: 'num-main', e164: '+442079460001' },
} as const;

const STAFF = {
  alice: { id: 'staff-alice', name: 'Alice Agent', email: 'alice@acme.test', ext: '1001' },
  bob: { id: 'staff-bob', name: 'Bob Agent', email: 'bob@acme.test', ext: '1002' },
  carol: { id: 'staff-carol', name: 'Carol Agent', email: 'carol@acme.test', ext: '1003' },
  dave: { id: 'staff-dave', name: 'Dave Agent', email: 'dave@acme.test', ext: '1004' },
} as const;
type Agent = keyof typeof STAFF;
const AGENTS = Object.keys(STAFF) as Agent[];
const agentOf = (staffId: string) => AGENTS.find((a) => STAFF[a].id === staffId);

type Presence = 'available' | 'away' | 'dnd' | 'offline' | { activeCalls: number };

const staff = (a: Agent) => ({ kind: 'staff', staffId: STAFF[a].id });
const group = (pattern: string, ...agents: Agent[]) => ({ kind: 'group', pattern, staffIds: agents.map((a) => STAFF[a].id) });
const RING = 5;
const answers = (answerAfterMs = 300): PhoneBehaviour => ({ answerAfterMs });

/** "About `seconds`": ring timers are Kamailio's, the clocks sipp's; generous slack, never tight. */
function expectAbout(ms: number, seconds: number) {
  expect(ms).toBeGreaterThanOrEqual(seconds * 1000 - 1000);
  expect(ms).toBeLessThanOrEqual(seconds * 1000 + 3000);
}

/** Weekly hours on the wall clock of `timeZone`, from `fromMin` to `toMin` minutes away from now. */
function hoursAround(timeZone: string, fromMin: number, toMin: number) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const wall = (offsetMin: number) => {
    const parts = format.formatToParts(new Date(Date.now() + offsetMin * 60_000));
    const part = (t: string) => parts.find((p) => p.type === t)!.value;
    return { day: part('weekday').slice(0, 3).toLowerCase(), hhmm: `${part('hour')}:${part('minute')}` };
  };
  const start = wall(fromMin);
  return { days: [start.day], start: start.hhmm, end: wall(toMin).hhmm };
}

let h: Harness;
let sip: TestSipStack;
let adminCookie: string;
let gatewayPort: number;
const feeds = {} as Record<Agent, TestFeed>;
const offered: Array<CallOffered & { agent: Agent }> = [];
const resolved: Array<CallResolved & { agent: Agent }> = [];
/** Phones and gateways of the running test, stopped after it. */
let running: Array<{ phone: Phone; ext?: string }> = [];
let callerSeq = 0;
let dialled = 0;
/** A caller number no earlier call used (sticky bindings stay with their caller). */
const freshCaller = () => `+4474005${String(((process.pid % 800) * 100 + callerSeq++) % 100000).padStart(5, '0')}`;

beforeAll(async () => {
  gatewayPort = await freePort();
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, SIP_DOMAIN: '127.0.0.1', PSTN_GATEWAY: `127.0.0.1:${gatewayPort}` });
  sip = await startScenarioSipStack({ secret: SECRET, companionUrl: h.url });
  adminCookie = await signIn(h, 'admin@acme.test');
  for (const agent of AGENTS) {
    const feed = openFeed(h, { cookie: await signIn(h, STAFF[agent].email), origin: h.origin });
    await nextEvent(feed, 'presence:snapshot');
    feed.on('call:offered', (o) => void offered.push({ ...o, agent }));
    feed.on('call:resolved', (r) => void resolved.push({ ...r, agent }));
    feeds[agent] = feed;
  }
});

afterEach(async () => {
  await Promise.all(running.map((r) => r.phone.stop()));
  await Promise.all(running.filter((r) => r.ext).map((r) => kamcmd(sip.runDir, 'ul.rm', 'location', `s:${r.ext}`)));
  running = [];
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.phone.stop()));
  for (const agent of AGENTS) feeds[agent]?.disconnect();
  await sip?.stop();
  await h?.stop();
});

// ----- the world: presence on the feed, phones, the gateway, calls -----

const emit = (feed: TestFeed, event: string, body: unknown) =>
  new Promise<{ ok: boolean }>((r) => (feed as unknown as { emit(e: string, b: unknown, ack: (a: { ok: boolean }) => void): void }).emit(event, body, r));

/** Each agent's browser tells the companion its state; agents not named are offline (no registered phone). */
async function presence(states: Partial<Record<Agent, Presence>>) {
  for (const agent of AGENTS) {
    const state = states[agent] ?? 'offline';
    const feed = feeds[agent];
    await emit(feed, 'presence:set', { state: state === 'away' || state === 'dnd' ? state : 'available' });
    const activeCalls = typeof state === 'object' ? state.activeCalls : 0;
    const registration = state === 'offline' ? 'unregistered' : 'registered';
    expect((await emit(feed, 'phone:report', { registration, ringing: 0, activeCalls })).ok).toBe(true);
  }
}

/** Registered phones for the agents, as their browsers would answer (or not); an answer is reported on the feed. */
async function phones<T extends Agent>(behaviours: Record<T, PhoneBehaviour>): Promise<Record<T, Phone>> {
  const entries = await Promise.all(
    (Object.entries(behaviours) as Array<[T, PhoneBehaviour]>).map(async ([agent, behaviour]) => {
      const phone = await startPhone(sip, STAFF[agent].ext, behaviour);
      running.push({ phone, ext: STAFF[agent].ext });
      phone.onEvent((e) => {
        if (e.name === 'answered') void emit(feeds[agent], 'call:answer', { sipCallId: e.callId });
      });
      return [agent, phone] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<T, Phone>;
}

async function gateway(answerAfterMs = 100): Promise<Phone> {
  const phone = await startGateway(sip, gatewayPort, answerAfterMs);
  running.push({ phone });
  return phone;
}

function dial(number: { e164: string }, opts: { from?: string; durationS?: number } = {}): Promise<CallResult> {
  const from = opts.from ?? freshCaller();
  const name = `caller-${from.slice(1)}-${++dialled}`;
  return placeCall({ runDir: sip.runDir, number: number.e164, from, kamailioPort: sip.sipPort, durationS: opts.durationS ?? 1, name });
}

async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Who the companion offered the call to, in order, with its reason (from each agent's feed). */
async function offersOf(callId: string, count: number) {
  const list = await eventually(() => offered.filter((o) => o.sipCallId === callId), (l) => l.length >= count);
  return [...list].sort((a, b) => a.offeredAt - b.offeredAt).map((o) => ({ agent: o.agent, reason: o.reason }));
}

/** Calls each agent answered in the last 24 hours, from the organisation's call history. */
async function answeredInLastDay(): Promise<Record<Agent, number>> {
  const all: CallHistoryItem[] = await (await fetch(`${h.url}/api/calls?limit=500`, { headers: { cookie: adminCookie } })).json();
  const counts = Object.fromEntries(AGENTS.map((a) => [a, 0])) as Record<Agent, number>;
  for (const c of all) {
    const agent = c.answeredBy && c.answeredAt && c.answeredAt > Date.now() - 86_400_000 ? agentOf(c.answeredBy.id) : undefined;
    if (agent) counts[agent] += 1;
  }
  return counts;
}

async function historyOf(callId: string, until: (c: CallHistoryItem | undefined) => boolean = (c) => c !== undefined): Promise<CallHistoryItem> {
  const item = await eventually(async () => {
    const all: CallHistoryItem[] = await (await fetch(`${h.url}/api/calls?limit=500`, { headers: { cookie: adminCookie } })).json();
    return all.find((c) => c.id === callId);
  }, until);
  expect(item, `call ${callId} in the history`).toBeDefined();
  return item!;
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { cookie: adminCookie, origin: h.origin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** Routing of a standard number: the rule, with sticky routing off and no fail-safe unless given. */
async function setRouting(number: { id: string }, routing: Record<string, unknown>) {
  const current = await api('GET', `/api/numbers/${number.id}`);
  await api('PUT', `/api/numbers/${number.id}/routing`, {
    ...current.routing,
    sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
    noAnswer: { failSafeNumber: null },
    ...routing,
  });
}

const invitedAgents = (p: Partial<Record<Agent, Phone>>, callId: string) =>
  (Object.entries(p) as Array<[Agent, Phone]>)
    .filter(([, phone]) => phone.first(callId, 'invite'))
    .sort(([, a], [, b]) => a.first(callId, 'invite')!.at - b.first(callId, 'invite')!.at)
    .map(([agent]) => agent);

const ringMs = (phone: Phone, callId: string) => phone.first(callId, 'cancelled')!.at - phone.first(callId, 'invite')!.at;

// ----- alternative routing -----

describe('alternative routing', () => {
  test('no answer within the ring timeout: the next destination rings', async () => {
    await setRouting(NUMBERS.sales, {
      rule: { kind: 'alternative', destinations: [{ destination: staff('alice'), ringTimeoutSeconds: RING }, { destination: staff('bob'), ringTimeoutSeconds: RING }] },
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

  test('offline, away and do-not-disturb agents are skipped at once, though their phones are registered', async () => {
    await setRouting(NUMBERS.sales, {
      rule: {
        kind: 'alternative',
        destinations: (['alice', 'bob', 'carol', 'dave'] as Agent[]).map((a) => ({ destination: staff(a), ringTimeoutSeconds: RING })),
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
    expect(item.summary).toContain('Alice Agent is offline');
    expect(item.summary).toContain('Bob Agent is away');
    expect(item.summary).toContain('Carol Agent is on do-not-disturb');
  });

  test('a busy agent (486): the next destination rings at once', async () => {
    await setRouting(NUMBERS.sales, {
      rule: { kind: 'alternative', destinations: [{ destination: staff('alice'), ringTimeoutSeconds: RING }, { destination: staff('bob'), ringTimeoutSeconds: RING }] },
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
  for (let wave = 0; wave < 2; wave++) calls.push(...(await Promise.all(Array.from({ length: 5 }, () => dial(NUMBERS.hours, { durationS: 0.3 })))));

  expect(calls.map((c) => c.finalCode)).toEqual(Array(10).fill(200));
  const ids = calls.map((c) => c.callId!);
  const answeredBy = (phone: Phone) => ids.filter((id) => phone.first(id, 'answered'));
  expect(answeredBy(p.alice)).toHaveLength(7);
  expect(answeredBy(p.bob)).toHaveLength(3);
  // Each call rang exactly one of them.
  for (const id of ids) expect(invitedAgents(p, id)).toHaveLength(1);
  const reasons = new Set((await eventually(() => offered.filter((o) => ids.includes(o.sipCallId)), (l) => l.length >= 10)).map((o) => `${o.agent}: ${o.reason}`));
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
    const elsewhere = await eventually(() => resolved.filter((r) => r.sipCallId === id), (l) => l.length >= 2);
    expect(elsewhere.map((r) => `${r.agent}: ${r.text}`).sort()).toEqual(['alice: Answered by Bob Agent', 'carol: Answered by Bob Agent']);
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
      destinations: [{ destination: { kind: 'external', number: '+442079460123', dialExtension: '204', dialDelaySeconds: 3 }, ringTimeoutSeconds: RING }],
    },
  });
  await presence({ alice: 'available' });
  const far = await gateway();
  const call = await dial(NUMBERS.hours);
  expect(call.finalCode).toBe(200);
  const invite = far.first(call.callId!, 'invite')!;
  expect(invite.args[0]).toBe(`sip:+442079460123@127.0.0.1:${gatewayPort};ext=204;ext-delay=3`);
  expect(invite.at - call.invitedAt!).toBeLessThan(1500);
  expect(far.first(call.callId!, 'answered')).toBeDefined();
  expect((await historyOf(call.callId!)).summary).toContain('+442079460123 ext. 204');
});

// ----- sticky routing -----

describe('sticky routing', () => {
  const rule = {
    kind: 'alternative',
    destinations: [{ destination: staff('alice'), ringTimeoutSeconds: RING }, { destination: staff('bob'), ringTimeoutSeconds: RING }],
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
    expect(await offersOf(call.callId!, 1)).toEqual([{ agent: 'bob', reason: 'sticky: talked to you today' }]);

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
    expect(await offersOf(call.callId!, 1)).toEqual([{ agent: 'alice', reason: 'alternative routing, destination 1 of 2' }]);
    expect((await historyOf(call.callId!)).summary).toContain('Sticky routing: Bob Agent is unavailable, falling back to destinations');
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
    expect(far.first(failSafe.callId!, 'invite')!.args[0]).toBe(`sip:+442079460999@127.0.0.1:${gatewayPort}`);
    expect(invitedAgents(p, failSafe.callId!)).toEqual([]);
  });
});

// ----- voicemail (not built yet) -----

test('voicemail: when nobody answers and the next step is voicemail, the call ends as missed (480)', async () => {
  await setRouting(NUMBERS.bookings, { rule: { kind: 'alternative', destinations: [{ destination: staff('carol'), ringTimeoutSeconds: RING }] } });
  await presence({ carol: 'available' });
  const p = await phones({ carol: 'ring' });
  const call = await dial(NUMBERS.bookings);
  const id = call.callId!;

  expect(call.finalCode).toBe(480);
  expectAbout(ringMs(p.carol, id), RING);
  expectAbout(call.events.find((e) => e.name === 'final')!.at - call.invitedAt!, RING);
  expect(await historyOf(id, (c) => c?.state === 'missed')).toMatchObject({
    state: 'missed',
    outcomeReason: 'Nobody answered (voicemail is not available yet)',
  });
});

// ----- company number -----

describe('company number', () => {
  const company = async (settings: Record<string, unknown>) => {
    const current = await api('GET', `/api/numbers/${NUMBERS.company.id}`);
    await api('PUT', `/api/numbers/${NUMBERS.company.id}/company`, { ...current.company, customRules: [], ...settings });
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
    expect(await offersOf(call.callId!, 1)).toEqual([{ agent: 'carol', reason: 'primary agent of contact Nina Known' }]);
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
    expect(await offersOf(same.callId!, 1)).toEqual([{ agent: 'bob', reason: 'primary agent of contact Olga Same, Olga Same Ltd' }]);

    const different = await dial(NUMBERS.company, { from: split });
    expect(different.finalCode).toBe(200);
    expect(invitedAgents(p, different.callId!)).toEqual(['dave']);
    expect(await offersOf(different.callId!, 1)).toEqual([
      { agent: 'dave', reason: 'primary agent of contact Pete Newer (newest of 2 contacts with this number)' },
    ]);
  });

  test('an unknown caller: a custom rule active now comes before the default rule; outside it, the default rule', async () => {
    const blast = { kind: 'blast', staffIds: [STAFF.alice.id, STAFF.carol.id, STAFF.dave.id], ringTimeoutSeconds: RING };
    await company({ defaultRule: userRule('bob'), customRules: [{ name: 'Now', activeHours: hoursAround('Europe/London', -30, 30), route: blast }] });
    await presence({ alice: 'available', bob: 'available', carol: 'available', dave: 'offline' });
    const p = await phones({ alice: 'ring', bob: answers(), carol: answers(500), dave: answers() });

    const inRule = await dial(NUMBERS.company);
    expect(inRule.finalCode).toBe(200);
    // The blast rings every available agent of the rule together (Dave is offline: skipped).
    expect(invitedAgents(p, inRule.callId!).sort()).toEqual(['alice', 'carol']);
    expect(p.alice.first(inRule.callId!, 'cancelled')).toBeDefined();
    const offers = await offersOf(inRule.callId!, 2);
    expect(offers.map((o) => `${o.agent}: ${o.reason}`).sort()).toEqual(["alice: unknown caller: blast rule 'Now'", "carol: unknown caller: blast rule 'Now'"]);

    await company({ defaultRule: userRule('bob'), customRules: [{ name: 'Later', activeHours: hoursAround('Europe/London', 120, 180), route: blast }] });
    const byDefault = await dial(NUMBERS.company);
    expect(byDefault.finalCode).toBe(200);
    expect(invitedAgents(p, byDefault.callId!)).toEqual(['bob']);
    expect(await offersOf(byDefault.callId!, 1)).toEqual([{ agent: 'bob', reason: 'unknown caller: default user rule' }]);
  });

  test('50 calls in progress: the 51st is refused busy (486); once they end, calls are taken again', { timeout: 60_000 }, async () => {
    await company({ defaultRule: { kind: 'number', number: '+442079460777', ringTimeoutSeconds: RING } });
    const far = await gateway(50);
    const crowd = await startCrowd(sip, { number: NUMBERS.company.e164, from: freshCaller(), calls: 50, rate: 25, holdMs: 9000 });
    try {
      const answered = await eventually(() => crowd.events().filter((e) => e.name === 'answered').length, (n) => n >= 50, 15_000);
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
      expect(far.first(after.callId!, 'invite')!.args[0]).toBe(`sip:+442079460777@127.0.0.1:${gatewayPort}`);
    } finally {
      await crowd.stop();
    }
  });
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

  test('out of hours: the out-of-hours hunt group rings, then voicemail (not built yet: missed, 480)', async () => {
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
      outcomeReason: 'Nobody answered (voicemail is not available yet)',
    });
  });
});
