import type { Ack } from '../../src/common/feed-events';
import type { PhoneStatus, Presence } from '../../src/common/presence';
import { phoneProblems, type PhoneProblem } from '../../src/common/presence-health';
import { seedOrganisation } from '../../src/server/seed/seed';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';
import { routableAgent } from '../support/registration';

/**
 * Phone health over real socket.io against a real companion: what a phone reports about itself and the
 * heartbeats the companion times decide whether routing (the real route hook) may ring the agent.
 */
let h: Harness;
let supervisor: TestFeed;
const open: TestFeed[] = [];
beforeAll(async () => {
  h = await startSeededCompanion();
  await seedOrganisation(h.repos, {
    org: { id: 'org-globex', name: 'Globex' },
    password: 'globex-password',
    staff: [
      { id: 'gx-admin', name: 'Gina Globex', email: 'gina@globex.test', role: 'admin', extension: '2000' },
      { id: 'gx-agent', name: 'Gus Globex', email: 'gus@globex.test', role: 'agent', extension: '2001' },
    ],
  });
  supervisor = openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin });
  await nextEvent(supervisor, 'presence:snapshot');
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(async () => {
  supervisor.disconnect();
  await h.stop();
});

const SALES = '+442071234567';
const ALICE = 'sip:1001@127.0.0.1';
let calls = 0;
/** Where the Sales line (Alice first) rings now, asked the way Kamailio asks. */
const salesRings = async (): Promise<string[]> => {
  const q = new URLSearchParams({
    callId: `health-${++calls}`,
    from: `+44770090${String(1000 + calls)}`,
    to: SALES,
    attempt: '0',
  });
  const res = await fetch(`${h.hookUrl}/internal/sip/route?${q}`, { headers: { 'X-Hook-Token': h.hookToken } });
  return ((await res.json()) as { targets?: string[] }).targets ?? [];
};
const onBoard = (name: string, match: (p: Presence) => boolean) =>
  nextEvent<Presence>(supervisor, 'presence:changed', (p) => p.name === name && match(p));
const agent = async (email: string, opts: { heartbeat?: boolean; password?: string } = {}) => {
  const feed = openFeed(h, {
    cookie: await signIn(h, email, opts.password),
    origin: h.origin,
    heartbeat: opts.heartbeat,
  });
  open.push(feed);
  await nextEvent(feed, 'presence:snapshot');
  return routableAgent(h, email, { feed });
};
const report = (feed: TestFeed, body: unknown) =>
  new Promise<Ack>((r) => feed.emit('phone:report', body as PhoneStatus, r));
const idle = (problems?: PhoneProblem[]): PhoneStatus => ({
  registration: 'registered',
  ringing: 0,
  activeCalls: 0,
  ...(problems && { problems }),
});

test.each(phoneProblems)(
  'a phone reporting %s: offline with the reason, the agent told why, the Sales line skips them; fixed, rung again',
  async (problem) => {
    const alice = await agent('alice@acme.test');
    expect(await salesRings()).toEqual([ALICE]);
    const board = onBoard('Alice Agent', (p) => p.issues?.includes(problem) === true);
    const own = nextEvent<Presence>(alice, 'presence:changed', (p) => p.issues?.includes(problem) === true);
    expect(await report(alice, idle([problem]))).toEqual({ ok: true, data: null });
    expect(await board).toMatchObject({ state: 'offline', issues: [problem] });
    expect((await own).issues).toEqual([problem]);
    expect(h.presenceOf('staff-alice')?.state).toBe('offline');
    expect(await salesRings()).not.toContain(ALICE);

    const fixed = onBoard('Alice Agent', (p) => p.state === 'available');
    await report(alice, idle([]));
    expect((await fixed).issues).toEqual([]);
    expect(await salesRings()).toEqual([ALICE]);
  },
);

test("a tab whose heartbeats stop while its socket is up: late on the companion's clock, not routable; beating again clears it", async () => {
  const alice = await agent('alice@acme.test', { heartbeat: false });
  const late = await onBoard('Alice Agent', (p) => p.issues?.includes('heartbeat-late') === true);
  expect(late.state).toBe('offline');
  expect(alice.connected).toBe(true);
  expect(await salesRings()).not.toContain(ALICE);

  const back = onBoard('Alice Agent', (p) => p.state === 'available');
  alice.emit('phone:heartbeat');
  expect((await back).issues).toEqual([]);
  expect(await salesRings()).toEqual([ALICE]);
});

describe('a forged report changes nothing for anyone else', () => {
  test.each([
    ["another agent's staffId", { staffId: 'staff-bob' }, 'staffId'],
    ['another organisation', { orgId: 'org-globex', staffId: 'gx-agent' }, 'orgId'],
  ])('naming %s: refused naming the field, and the other agents stay routable', async (_why, forged, field) => {
    await agent('bob@acme.test');
    const gus = await agent('gus@globex.test', { password: 'globex-password' });
    const alice = await agent('alice@acme.test');
    const bobChanges: Presence[] = [];
    const watchBob = (p: Presence) => void (p.name === 'Bob Agent' && bobChanges.push(p));
    supervisor.on('presence:changed', watchBob);
    const gusChanges: Presence[] = [];
    gus.on('presence:changed', (p) => gusChanges.push(p));

    const ack = await report(alice, { ...idle(['no-microphone']), ...forged });
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!ack.ok && ack.error.message).toContain(field);
    // Nothing half-saved: the sender is as it was, too.
    expect(h.presenceOf('staff-alice')).toMatchObject({ state: 'available', issues: [] });

    // A real change of Alice's after the forgery: every change it caused would have reached the board first.
    const barrier = onBoard('Alice Agent', (p) => p.issues?.includes('sound-blocked') === true);
    await report(alice, idle(['sound-blocked']));
    await barrier;
    expect(bobChanges).toEqual([]);
    expect(gusChanges).toEqual([]);
    expect(h.presenceOf('staff-bob')).toMatchObject({ state: 'available', issues: [] });
    expect(h.presenceOf('gx-agent')).toMatchObject({ state: 'available', issues: [] });
    supervisor.off('presence:changed', watchBob);
  });

  test.each([
    ['a problem only the companion may state', { problems: ['registration-lost'] }, 'problems'],
    ['a made-up problem', { problems: ['no-speakers'] }, 'problems'],
    ['too many problems', { problems: [...phoneProblems, ...phoneProblems] }, 'problems'],
  ])('%s is refused naming the field', async (_why, body, field) => {
    const alice = await agent('alice@acme.test');
    const ack = await report(alice, { ...idle(), ...body });
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', path: expect.arrayContaining([field]) } });
    expect(h.presenceOf('staff-alice')).toMatchObject({ state: 'available', issues: [] });
  });

  test('heartbeats naming someone else keep nobody else alive: the other tab still goes late', async () => {
    await agent('bob@acme.test', { heartbeat: false });
    const alice = await agent('alice@acme.test');
    const beat = alice.emit.bind(alice) as (e: string, body: unknown) => void;
    const forging = setInterval(() => beat('phone:heartbeat', { staffId: 'staff-bob' }), 200);
    try {
      expect((await onBoard('Bob Agent', (p) => p.issues?.includes('heartbeat-late') === true)).state).toBe('offline');
    } finally {
      clearInterval(forging);
    }
    expect(h.presenceOf('staff-alice')).toMatchObject({ state: 'available', issues: [] });
  });
});
