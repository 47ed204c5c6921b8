import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { CallHistoryItem, CallOffered, CallResolved } from '../../../src/common/calls';
import { kamcmd } from '../../../scripts/stack/kamcmd';
import { placeCall, type CallResult } from '../../../scripts/sipp/caller';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../../support/companion-harness';
import { untilRegistered } from '../../support/registration';
import { freePort } from './ports';
import { startGateway, startPhone, startScenarioSipStack, type Phone, type PhoneBehaviour } from './scenario-kit';
import { GATEWAY_HOST, type TestSipStack } from './test-stack';

/**
 * The world of the routing scenarios (routing-scenarios-*.test.ts). Every routing kind on real calls: a phone-network caller (sipp) dials a virtual number, Kamailio asks the
 * real companion where it goes, and the agents' phones (sipp, registered as their extensions) ring. Each
 * scenario checks who rang, in which order and for how long (sipp's own timestamps, with slack), and the
 * reason the companion gave each agent (their feed's call:offered) or the call history.
 *
 * Ring timeouts are 5 s; "about 5 s" is asserted as 4–8 s.
 */

export const SECRET = 'routing-scenarios-secret-0123456789';
export const NUMBERS = {
  sales: { id: 'num-sales', e164: '+442071234567' },
  /** America/New_York: time windows are read on New York's clock. */
  support: { id: 'num-support', e164: '+18005550100' },
  hours: { id: 'num-hours', e164: '+442071234568' },
  /** Voicemail on: one destination only. */
  bookings: { id: 'num-bookings', e164: '+442071234569' },
  company: { id: 'num-company', e164: '+442079460000' },
  main: { id: 'num-main', e164: '+442079460001' },
} as const;

export const STAFF = {
  alice: { id: 'staff-alice', name: 'Alice Agent', email: 'alice@acme.test', ext: '1001' },
  bob: { id: 'staff-bob', name: 'Bob Agent', email: 'bob@acme.test', ext: '1002' },
  carol: { id: 'staff-carol', name: 'Carol Agent', email: 'carol@acme.test', ext: '1003' },
  dave: { id: 'staff-dave', name: 'Dave Agent', email: 'dave@acme.test', ext: '1004' },
} as const;
export type Agent = keyof typeof STAFF;
export const AGENTS = Object.keys(STAFF) as Agent[];
export const agentOf = (staffId: string) => AGENTS.find((a) => STAFF[a].id === staffId);

export type Presence = 'available' | 'away' | 'dnd' | 'offline' | { activeCalls: number };

export const staff = (a: Agent) => ({ kind: 'staff', staffId: STAFF[a].id });
export const group = (pattern: string, ...agents: Agent[]) => ({
  kind: 'group',
  pattern,
  staffIds: agents.map((a) => STAFF[a].id),
});
export const RING = 5;
export const answers = (answerAfterMs = 300): PhoneBehaviour => ({ answerAfterMs });

/** "About `seconds`": ring timers are Kamailio's, the clocks sipp's; generous slack, never tight. */
export function expectAbout(ms: number, seconds: number) {
  expect(ms).toBeGreaterThanOrEqual(seconds * 1000 - 1000);
  expect(ms).toBeLessThanOrEqual(seconds * 1000 + 3000);
}

/** Weekly hours on the wall clock of `timeZone`, from `fromMin` to `toMin` minutes away from now. */
export function hoursAround(timeZone: string, fromMin: number, toMin: number) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const wall = (offsetMin: number) => {
    const parts = format.formatToParts(new Date(Date.now() + offsetMin * 60_000));
    const part = (t: string) => parts.find((p) => p.type === t)!.value;
    return { day: part('weekday').slice(0, 3).toLowerCase(), hhmm: `${part('hour')}:${part('minute')}` };
  };
  const start = wall(fromMin);
  return { days: [start.day], start: start.hhmm, end: wall(toMin).hhmm };
}

/** The running companion, SIP stack and gateway port (set up by useScenarioWorld). */
export const world = {} as { h: Harness; sip: TestSipStack; adminCookie: string; gatewayPort: number };
const feeds = {} as Record<Agent, TestFeed>;
export const offered: Array<CallOffered & { agent: Agent }> = [];
export const resolved: Array<CallResolved & { agent: Agent }> = [];
/** Phones and gateways of the running test, stopped after it. */
let running: Array<{ phone: Phone; ext?: string }> = [];
let callerSeq = 0;
let dialled = 0;
/** A caller number no earlier call used (sticky bindings stay with their caller). */
export const freshCaller = () =>
  `+4474005${String(((process.pid % 800) * 100 + callerSeq++) % 100000).padStart(5, '0')}`;

/** Starts the world before the file's tests and stops exactly what it started after them. */
export function useScenarioWorld(): void {
  beforeAll(async () => {
    world.gatewayPort = await freePort();
    world.h = await startSeededCompanion({
      SIP_AUTH_SECRET: SECRET,
      SIP_DOMAIN: '127.0.0.1',
      PSTN_GATEWAY: `${GATEWAY_HOST}:${world.gatewayPort}`,
    });
    world.sip = await startScenarioSipStack({
      secret: SECRET,
      hookUrl: world.h.hookUrl,
      pstnGateway: `${GATEWAY_HOST}:${world.gatewayPort}`,
    });
    world.adminCookie = await signIn(world.h, 'admin@acme.test');
    for (const agent of AGENTS) {
      const feed = openFeed(world.h, { cookie: await signIn(world.h, STAFF[agent].email), origin: world.h.origin });
      await nextEvent(feed, 'presence:snapshot');
      feed.on('call:offered', (o) => void offered.push({ ...o, agent }));
      feed.on('call:resolved', (r) => void resolved.push({ ...r, agent }));
      feeds[agent] = feed;
    }
  });

  afterEach(async () => {
    await Promise.all(running.map((r) => r.phone.stop()));
    await Promise.all(
      running.filter((r) => r.ext).map((r) => kamcmd(world.sip.runDir, 'ul.rm', 'location', `s:${r.ext}`)),
    );
    running = [];
  });

  afterAll(async () => {
    await Promise.all(running.map((r) => r.phone.stop()));
    for (const agent of AGENTS) feeds[agent]?.disconnect();
    await world.sip?.stop();
    await world.h?.stop();
  });
}

// ----- the world: presence on the feed, phones, the gateway, calls -----

const emit = (feed: TestFeed, event: string, body: unknown) =>
  new Promise<{ ok: boolean }>((r) =>
    (feed as unknown as { emit(e: string, b: unknown, ack: (a: { ok: boolean }) => void): void }).emit(event, body, r),
  );

/** Each agent's browser tells the companion its state; agents not named are offline (no registered phone). */
export async function presence(states: Partial<Record<Agent, Presence>>) {
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
export async function phones<T extends Agent>(behaviours: Record<T, PhoneBehaviour>): Promise<Record<T, Phone>> {
  const entries = await Promise.all(
    (Object.entries(behaviours) as Array<[T, PhoneBehaviour]>).map(async ([agent, behaviour]) => {
      const phone = await startPhone(world.sip, STAFF[agent].ext, behaviour);
      running.push({ phone, ext: STAFF[agent].ext });
      await untilRegistered(world.h, STAFF[agent].ext);
      phone.onEvent((e) => {
        if (e.name === 'answered') void emit(feeds[agent], 'call:answer', { sipCallId: e.callId });
      });
      return [agent, phone] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<T, Phone>;
}

export async function gateway(answerAfterMs = 100): Promise<Phone> {
  const phone = await startGateway(world.sip, world.gatewayPort, answerAfterMs);
  running.push({ phone });
  return phone;
}

export function dial(number: { e164: string }, opts: { from?: string; durationS?: number } = {}): Promise<CallResult> {
  const from = opts.from ?? freshCaller();
  const name = `caller-${from.slice(1)}-${++dialled}`;
  return placeCall({
    runDir: world.sip.runDir,
    number: number.e164,
    from,
    kamailioPort: world.sip.sipPort,
    durationS: opts.durationS ?? 1,
    name,
  });
}

export async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Who the companion offered the call to, in order, with its reason (from each agent's feed). */
export async function offersOf(callId: string, count: number) {
  const list = await eventually(
    () => offered.filter((o) => o.sipCallId === callId),
    (l) => l.length >= count,
  );
  return [...list].sort((a, b) => a.offeredAt - b.offeredAt).map((o) => ({ agent: o.agent, reason: o.reason }));
}

/** Calls each agent answered in the last 24 hours, from the organisation's call history. */
export async function answeredInLastDay(): Promise<Record<Agent, number>> {
  const all: CallHistoryItem[] = await (
    await fetch(`${world.h.url}/api/calls?limit=500`, { headers: { cookie: world.adminCookie } })
  ).json();
  const counts = Object.fromEntries(AGENTS.map((a) => [a, 0])) as Record<Agent, number>;
  for (const c of all) {
    const agent =
      c.answeredBy && c.answeredAt && c.answeredAt > Date.now() - 86_400_000 ? agentOf(c.answeredBy.id) : undefined;
    if (agent) counts[agent] += 1;
  }
  return counts;
}

export async function historyOf(
  callId: string,
  until: (c: CallHistoryItem | undefined) => boolean = (c) => c !== undefined,
): Promise<CallHistoryItem> {
  const item = await eventually(async () => {
    const all: CallHistoryItem[] = await (
      await fetch(`${world.h.url}/api/calls?limit=500`, { headers: { cookie: world.adminCookie } })
    ).json();
    return all.find((c) => c.id === callId);
  }, until);
  expect(item, `call ${callId} in the history`).toBeDefined();
  return item!;
}

export async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${world.h.url}${path}`, {
    method,
    headers: { cookie: world.adminCookie, origin: world.h.origin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** Routing of a standard number: the rule, with sticky routing off and no fail-safe unless given. */
export async function setRouting(number: { id: string }, routing: Record<string, unknown>) {
  const current = await api('GET', `/api/numbers/${number.id}`);
  await api('PUT', `/api/numbers/${number.id}/routing`, {
    ...current.routing,
    sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
    noAnswer: { failSafeNumber: null },
    ...routing,
  });
}

export const invitedAgents = (p: Partial<Record<Agent, Phone>>, callId: string) =>
  (Object.entries(p) as Array<[Agent, Phone]>)
    .filter(([, phone]) => phone.first(callId, 'invite'))
    .sort(([, a], [, b]) => a.first(callId, 'invite')!.at - b.first(callId, 'invite')!.at)
    .map(([agent]) => agent);

export const ringMs = (phone: Phone, callId: string) =>
  phone.first(callId, 'cancelled')!.at - phone.first(callId, 'invite')!.at;
