import type { BoardActivity, BoardSnapshot, Timeline } from '../../src/common/api/board';
import type { Presence } from '../../src/common/presence';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { seedOrganisation } from '../../src/server/seed/seed';
import { apiAs, type Api } from '../support/api-client';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';
import { routableAgent } from '../support/registration';

/** The supervisor's board API over real HTTP, with real feeds: who may read it and act, and what it records. */
let h: Harness;
let supervisor: Api;
let admin: Api;
let agent: Api;
const open: TestFeed[] = [];
const track = (s: TestFeed) => (open.push(s), s);

beforeAll(async () => {
  h = await startSeededCompanion();
  await seedOrganisation(h.repos, {
    org: { id: 'org-globex', name: 'Globex' },
    password: 'globex-password',
    staff: [
      { id: 'gx-admin', name: 'Gina Globex', email: 'gina@globex.test', role: 'admin', extension: '2000' },
      { id: 'gx-super', name: 'Gwen Globex', email: 'gwen@globex.test', role: 'supervisor', extension: '2009' },
      { id: 'gx-agent', name: 'Gus Globex', email: 'gus@globex.test', role: 'agent', extension: '2001' },
    ],
    numbers: [],
    itemTypes: [],
    contacts: [],
    presence: { awayReasons: ['Globex lunch'] },
  });
  supervisor = apiAs(h, await signIn(h, 'supervisor@acme.test'));
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  agent = apiAs(h, await signIn(h, 'alice@acme.test'));
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(() => h.stop());

describe('who may see the board', () => {
  test.each([
    ['GET', '/api/supervisor/board'],
    ['GET', '/api/supervisor/agents/staff-bob/timeline'],
    ['POST', '/api/supervisor/agents/staff-bob/presence'],
    ['POST', '/api/supervisor/agents/staff-bob/sign-out'],
  ])('an agent gets 403 from %s %s', async (method, path) => {
    const answer = method === 'GET' ? await agent.get(path) : await agent.post(path, { state: 'away' });
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  test('an agent setting a colleague away or signing them out changes nothing', async () => {
    const bob = apiAs(h, await signIn(h, 'bob@acme.test'));
    await agent.post('/api/supervisor/agents/staff-bob/presence', { state: 'away' });
    await agent.post('/api/supervisor/agents/staff-bob/sign-out');
    expect(h.repos.staff.findById('staff-bob')?.manualPresence).toBe('available');
    expect((await bob.get('/api/auth/me')).status).toBe(200);
    expect(h.repos.changes.list('org-demo', 'staff', 'staff-bob').filter((c) => c.section === 'presence')).toEqual([]);
  });

  test('without a session: 401', async () => {
    const res = await fetch(`${h.url}/api/supervisor/board`);
    expect(res.status).toBe(401);
  });

  test('the snapshot lists every member of the organisation with their activity and the numbers they take calls on', async () => {
    const { status, body } = await supervisor.get('/api/supervisor/board');
    expect(status).toBe(200);
    const snap = body as BoardSnapshot;
    expect(snap.activity.map((a) => a.staffId).sort()).toEqual(
      h.repos.staff
        .listByOrg('org-demo')
        .map((s) => s.id)
        .sort(),
    );
    expect(snap.activity.every((a) => a.call === null && a.today.answered === 0)).toBe(true);
    expect(snap.numbers.length).toBeGreaterThan(0);
    expect(snap.dayEnd - snap.dayStart).toBeGreaterThanOrEqual(23 * 3600_000);
    expect((await admin.get('/api/supervisor/board')).status).toBe(200);
  });
});

describe("another organisation's staff", () => {
  test.each([
    ['GET', '/api/supervisor/agents/gx-agent/timeline'],
    ['POST', '/api/supervisor/agents/gx-agent/presence'],
    ['POST', '/api/supervisor/agents/gx-agent/sign-out'],
  ])('%s %s answers 404 as for an id that does not exist', async (method, path) => {
    const answer = method === 'GET' ? await supervisor.get(path) : await supervisor.post(path, { state: 'away' });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const missing = path.replace('gx-agent', 'staff-nobody');
    const none = method === 'GET' ? await supervisor.get(missing) : await supervisor.post(missing, { state: 'away' });
    expect(none.body).toEqual(answer.body);
  });

  test("Globex's agent is untouched and still signed in", async () => {
    const gus = apiAs(h, await signIn(h, 'gus@globex.test', 'globex-password'));
    await supervisor.post('/api/supervisor/agents/gx-agent/sign-out');
    await supervisor.post('/api/supervisor/agents/gx-agent/presence', { state: 'away' });
    expect((await gus.get('/api/auth/me')).status).toBe(200);
    expect(h.repos.staff.findById('gx-agent')?.manualPresence).toBe('available');
  });

  test("Globex's supervisor does not see Acme on its board, nor an Acme agent's day", async () => {
    const gwen = apiAs(h, await signIn(h, 'gwen@globex.test', 'globex-password'));
    const board = (await gwen.get('/api/supervisor/board')).body as BoardSnapshot;
    expect(board.activity.map((a) => a.staffId).sort()).toEqual(['gx-admin', 'gx-agent', 'gx-super']);
    expect((await gwen.get('/api/supervisor/agents/staff-alice/timeline')).status).toBe(404);
  });
});

describe('supervisor actions', () => {
  test('set Away with a reason: the agent is away, the board sees it, the change names the supervisor', async () => {
    const board = track(openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin }));
    await nextEvent(board, 'presence:snapshot');
    const carol = await routableAgent(h, 'carol@acme.test');
    track(carol);
    const told = nextEvent<Presence>(carol, 'presence:changed', (p) => p.state === 'away');
    const seen = nextEvent<Presence>(
      board,
      'presence:changed',
      (p) => p.staffId === 'staff-carol' && p.state === 'away',
    );
    const lunch = h.repos.presenceSettings.reasons('org-demo').find((r) => r.name === 'Lunch')!;
    const answer = await supervisor.post('/api/supervisor/agents/staff-carol/presence', {
      state: 'away',
      reasonId: lunch.id,
    });
    expect(answer).toMatchObject({ status: 200, body: { state: 'away', reason: { name: 'Lunch' } } });
    expect((await seen).reason?.name).toBe('Lunch');
    await told;
    const change = h.repos.changes.list('org-demo', 'staff', 'staff-carol').find((c) => c.section === 'presence');
    expect(change).toMatchObject({
      summary: 'Sam Supervisor set Carol Agent Away (Lunch)',
      changedBy: { id: 'staff-super' },
    });

    await untilHistory('staff-carol', (t) => t.entries.at(-1)?.state === 'away');
    const day = (await supervisor.get('/api/supervisor/agents/staff-carol/timeline')).body as Timeline;
    expect(day.entries.map((e) => e.state)).toEqual(['available', 'away']);
    expect(day.entries.at(-1)).toMatchObject({
      fromState: 'available',
      reason: 'Lunch',
      to: null,
      setBy: { name: 'Sam Supervisor' },
    });
    expect(day.entries[0]).toMatchObject({ fromState: 'offline', setBy: null });
    expect(day.entries[0]!.to).toBe(day.entries[1]!.from);
  });

  test('refused and nothing saved: a state a supervisor may not set, a reason of another organisation', async () => {
    for (const body of [
      { state: 'on-call' },
      { state: 'offline' },
      { state: 'dnd' },
      { state: 'available', reasonId: 'x' },
      { nope: 1 },
    ]) {
      expect((await supervisor.post('/api/supervisor/agents/staff-dave/presence', body)).body.error).toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    const foreign = await supervisor.post('/api/supervisor/agents/staff-dave/presence', {
      state: 'away',
      reasonId: 'org-globex-reason-1',
    });
    expect(foreign).toMatchObject({ status: 404, body: { error: { path: ['reasonId'] } } });
    expect(h.repos.staff.findById('staff-dave')?.manualPresence).toBe('available');
    expect(h.repos.changes.list('org-demo', 'staff', 'staff-dave')).toEqual([]);
  });

  test('a supervisor may not act on another supervisor or an admin; an admin may act on a supervisor', async () => {
    expect((await supervisor.post('/api/supervisor/agents/staff-admin/presence', { state: 'away' })).status).toBe(403);
    expect((await supervisor.post('/api/supervisor/agents/staff-super/sign-out')).status).toBe(403);
    const answer = await admin.post('/api/supervisor/agents/staff-super/presence', { state: 'away' });
    expect(answer).toMatchObject({ status: 200, body: { staffId: 'staff-super' } });
    expect((await admin.post('/api/supervisor/agents/staff-super/presence', { state: 'available' })).status).toBe(200);
  });

  test("sign-out ends the agent's sessions and feed: offline on the board at once, and they cannot come back without signing in", async () => {
    const board = track(openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin }));
    await nextEvent(board, 'presence:snapshot');
    const cookie = await signIn(h, 'dave@acme.test');
    const dave = track(openFeed(h, { cookie, origin: h.origin }));
    await nextEvent(dave, 'presence:snapshot');
    await routableAgent(h, 'dave@acme.test', { feed: dave });
    const closed = new Promise<string>((r) => dave.once('disconnect', r));
    const offline = nextEvent<Presence>(
      board,
      'presence:changed',
      (p) => p.staffId === 'staff-dave' && p.state === 'offline',
    );
    expect((await supervisor.post('/api/supervisor/agents/staff-dave/sign-out')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    await offline;
    expect(h.presenceOf('staff-dave')?.state).toBe('offline');
    expect((await apiAs(h, cookie).get('/api/auth/me')).status).toBe(401);
    const again = track(openFeed(h, { cookie, origin: h.origin }));
    expect(await new Promise<string>((r) => again.once('connect_error', (e) => r(e.message)))).toBe('UNAUTHENTICATED');

    await untilHistory('staff-dave', (t) => t.entries.at(-1)?.state === 'offline');
    const day = (await supervisor.get('/api/supervisor/agents/staff-dave/timeline')).body as Timeline;
    expect(day.entries.at(-1)).toMatchObject({
      state: 'offline',
      fromState: 'available',
      setBy: { id: 'staff-super', name: 'Sam Supervisor' },
    });
    expect(h.repos.changes.list('org-demo', 'staff', 'staff-dave')[0]).toMatchObject({
      summary: 'Sam Supervisor signed Dave Agent out',
    });
  });

  test('a day that is not a date is refused naming it', async () => {
    for (const day of ['2026-02-30', 'yesterday', '']) {
      expect((await supervisor.get(`/api/supervisor/agents/staff-bob/timeline?day=${day}`)).body.error).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['day'],
      });
    }
    const past = (await supervisor.get('/api/supervisor/agents/staff-bob/timeline?day=2020-01-01')).body as Timeline;
    expect(past).toMatchObject({ day: '2020-01-01', entries: [] });
  });
});

describe('the feed', () => {
  const hook = async (path: string, q: Record<string, string>) => {
    const res = await fetch(`${h.hookUrl}/internal/sip/${path}?${new URLSearchParams(q)}`, {
      headers: { [HOOK_TOKEN_HEADER]: h.hookToken },
    });
    return { status: res.status, body: await res.json() };
  };

  test("supervisors get a call's activity live; an agent receives neither others' presence nor the board's activity", async () => {
    const alice = track(openFeed(h, { cookie: await signIn(h, 'alice@acme.test'), origin: h.origin }));
    const snapshot = await nextEvent<Presence[]>(alice, 'presence:snapshot');
    expect(snapshot.map((p) => p.staffId)).toEqual(['staff-alice']);
    await routableAgent(h, 'alice@acme.test', { feed: alice });
    const got: string[] = [];
    alice.on('presence:changed', (p) => got.push(`presence ${p.staffId}`));
    alice.on('board:activity', (list: BoardActivity[]) => got.push(`activity ${list.map((a) => a.staffId)}`));
    const board = track(openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin }));
    await nextEvent(board, 'presence:snapshot');
    const bob = track(await routableAgent(h, 'bob@acme.test'));

    const onBoard = (match: (a: BoardActivity) => boolean) =>
      nextEvent<BoardActivity[]>(board, 'board:activity', (list) =>
        list.some((a) => a.staffId === 'staff-bob' && match(a)),
      );
    let seen = onBoard((a) => a.call?.status === 'ringing');
    const allowed = await hook('outbound', { callId: 'board-call-1', agent: '1002', callee: '+447911123456' });
    expect(allowed.body).toMatchObject({ action: 'allow' });
    const ringing = (await seen).find((a) => a.staffId === 'staff-bob')!;
    expect(ringing.call).toMatchObject({ direction: 'outbound', party: { number: '+447911123456' }, answeredAt: null });
    expect(ringing.call?.number?.number).toBe(allowed.body.callerId);

    seen = onBoard((a) => a.call?.status === 'talking');
    expect((await hook('event', { callId: 'board-call-1', event: 'answered' })).status).toBe(200);
    const talking = (await seen).find((a) => a.staffId === 'staff-bob')!;
    seen = onBoard((a) => a.call === null);
    await hook('event', { callId: 'board-call-1', event: 'ended', by: 'caller' });
    const after = (await seen).find((a) => a.staffId === 'staff-bob')!;
    expect(after.rev).toBeGreaterThan(talking.rev);
    const snap = (await supervisor.get('/api/supervisor/board')).body as BoardSnapshot;
    expect(snap.activity.find((a) => a.staffId === 'staff-bob')).toMatchObject({ call: null, today: after.today });

    const bobAway = nextEvent<Presence>(
      board,
      'presence:changed',
      (p) => p.staffId === 'staff-bob' && p.state === 'away',
    );
    await supervisor.post('/api/supervisor/agents/staff-bob/presence', { state: 'away' });
    await bobAway;
    // A fact addressed to Alice herself, sent after the others: once it is here, anything else would have been too.
    const mine = nextEvent<Presence>(
      alice,
      'presence:changed',
      (p) => p.staffId === 'staff-alice' && p.state === 'dnd',
    );
    alice.emit('presence:set', { state: 'dnd' }, () => {});
    await mine;
    expect(got).toEqual(['presence staff-alice']);
    await supervisor.post('/api/supervisor/agents/staff-bob/presence', { state: 'available' });
    bob.disconnect();
  });
});

async function untilHistory(staffId: string, ok: (t: Timeline) => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const t = (await supervisor.get(`/api/supervisor/agents/${staffId}/timeline`)).body as Timeline;
    if (ok(t)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`history of ${staffId} never matched`);
}
