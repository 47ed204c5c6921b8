import type { Ack } from '../../src/common/feed-events';
import type { Presence } from '../../src/common/presence';
import { seedOrganisation } from '../../src/server/seed/seed';
import { apiAs, type Api } from '../support/api-client';
import { kamailioRegistered } from '../support/registration';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';

/** Wrap-up and away reasons over real HTTP and real socket.io, against a real companion with its database. */
let h: Harness;
let admin: Api;
let agent: Api;
let globex: Api;
const open: TestFeed[] = [];
beforeAll(async () => {
  h = await startSeededCompanion();
  await seedOrganisation(h.repos, {
    org: { id: 'org-globex', name: 'Globex' },
    password: 'globex-password',
    staff: [{ id: 'gx-admin', name: 'Gina Globex', email: 'gina@globex.test', role: 'admin', extension: '2000' }],
    presence: { awayReasons: ['Golf'] },
  });
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  agent = apiAs(h, await signIn(h, 'alice@acme.test'));
  globex = apiAs(h, await signIn(h, 'gina@globex.test', 'globex-password'));
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(() => h.stop());

const feedOf = async (email: string) => {
  const s = openFeed(h, { cookie: await signIn(h, email), origin: h.origin });
  open.push(s);
  await nextEvent(s, 'presence:snapshot');
  // Kamailio holds the agent's contact, as a real phone's REGISTER would make it.
  const extension = h.repos.staff.findByEmail(email)?.extension;
  if (extension) await kamailioRegistered(h, extension);
  return s;
};
const report = (s: TestFeed, activeCalls = 0, connected = 0) =>
  new Promise((resolve) =>
    s.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls, connected }, resolve),
  );
const choose = (s: TestFeed, body: unknown) =>
  new Promise<Ack<Presence>>((r) => s.emit('presence:set', body as never, r));
const reasonsOf = async (api: Api) =>
  (await api.get('/api/org/presence-settings')).body.awayReasons as { id: string; name: string }[];
const stateOf = (staffId: string) => h.repos.staff.findById(staffId);

describe('presence settings API', () => {
  test('every member reads them; the demo has its reasons and wrap-up off in tests', async () => {
    const view = await agent.get('/api/org/presence-settings');
    expect(view.status).toBe(200);
    expect(view.body.wrapUpSeconds).toBe(0);
    expect(view.body.awayReasons.map((r: { name: string }) => r.name)).toEqual([
      'Break',
      'Lunch',
      'Meeting',
      'Training',
    ]);
    expect(
      (await globex.get('/api/org/presence-settings')).body.awayReasons.map((r: { name: string }) => r.name),
    ).toEqual(['Golf']);
  });

  test.each([
    { body: { wrapUpSeconds: -1 }, message: /negative/ },
    { body: { wrapUpSeconds: 1.5 }, message: /whole number/ },
    { body: { wrapUpSeconds: 601 }, message: /at most 600/ },
    { body: { wrapUpSeconds: '30' }, message: /number of seconds/ },
    { body: {}, message: /number of seconds/ },
  ])('wrap-up $body is refused naming the field, and nothing is saved', async ({ body, message }) => {
    const res = await admin.put('/api/org/presence-settings/wrap-up', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['wrapUpSeconds'],
      message: expect.stringMatching(message),
    });
    expect(h.repos.presenceSettings.wrapUpSeconds('org-demo')).toBe(0);
  });

  test('only admins change them', async () => {
    expect((await agent.put('/api/org/presence-settings/wrap-up', { wrapUpSeconds: 30 })).status).toBe(403);
    expect((await agent.post('/api/org/away-reasons', { name: 'Nap' })).status).toBe(403);
    const lunch = (await reasonsOf(agent)).find((r) => r.name === 'Lunch')!;
    expect((await agent.del(`/api/org/away-reasons/${lunch.id}`)).status).toBe(403);
  });

  test('reasons: added, renamed, removed, recorded; duplicates (any case), blanks and control characters refused', async () => {
    const added = await admin.post('/api/org/away-reasons', { name: '  Coaching  ' });
    expect(added.status).toBe(201);
    const coaching = added.body.awayReasons.find((r: { name: string }) => r.name === 'Coaching');
    expect(coaching).toBeDefined();
    expect(added.body.updatedBy).toBe('Ada Admin');
    expect((await admin.post('/api/org/away-reasons', { name: 'coaching' })).body.error).toMatchObject({
      code: 'CONFLICT',
      path: ['name'],
    });
    expect((await admin.post('/api/org/away-reasons', { name: '   ' })).body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['name'],
    });
    expect((await admin.post('/api/org/away-reasons', { name: 'Out\nside' })).body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['name'],
    });
    expect((await admin.post('/api/org/away-reasons', { name: 'x'.repeat(41) })).body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['name'],
    });
    expect((await admin.patch(`/api/org/away-reasons/${coaching.id}`, { name: 'LUNCH' })).body.error).toMatchObject({
      code: 'CONFLICT',
      path: ['name'],
    });
    const renamed = await admin.patch(`/api/org/away-reasons/${coaching.id}`, { name: 'One to one' });
    expect(renamed.body.awayReasons).toContainEqual({ id: coaching.id, name: 'One to one' });
    expect((await admin.del(`/api/org/away-reasons/${coaching.id}`)).status).toBe(200);
    expect((await reasonsOf(admin)).map((r) => r.id)).not.toContain(coaching.id);
    const log = h.repos.changes
      .list('org-demo', 'organisation', 'org-demo')
      .filter((c) => c.section === 'away-reasons')
      .map((c) => c.summary);
    expect(log.slice(0, 3)).toEqual([
      'Away reason removed: One to one',
      'Away reason renamed: Coaching → One to one',
      'Away reason added: Coaching',
    ]);
  });

  test('at most 20 reasons', async () => {
    const have = (await reasonsOf(globex)).length;
    for (let i = have; i < 20; i++)
      expect((await globex.post('/api/org/away-reasons', { name: `Reason ${i}` })).status).toBe(201);
    const over = await globex.post('/api/org/away-reasons', { name: 'One too many' });
    expect(over.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['name'],
      message: expect.stringMatching(/at most 20/),
    });
    expect(await reasonsOf(globex)).toHaveLength(20);
  });

  test("another organisation's reason is 404 to rename or remove, exactly like a missing one, and stays", async () => {
    const golf = (await reasonsOf(globex)).find((r) => r.name === 'Golf')!;
    for (const res of [
      await admin.patch(`/api/org/away-reasons/${golf.id}`, { name: 'Mine now' }),
      await admin.del(`/api/org/away-reasons/${golf.id}`),
      await admin.del('/api/org/away-reasons/nope'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(await reasonsOf(globex)).toContainEqual(golf);
  });
});

describe('states an agent may not set, over the feed', () => {
  test.each([
    { why: 'on-call without a call', body: { state: 'on-call' }, code: 'FORBIDDEN', path: ['state'] },
    { why: 'wrap-up', body: { state: 'wrap-up' }, code: 'FORBIDDEN', path: ['state'] },
    { why: 'ringing', body: { state: 'ringing' }, code: 'FORBIDDEN', path: ['state'] },
    { why: 'offline', body: { state: 'offline' }, code: 'FORBIDDEN', path: ['state'] },
    {
      why: "another agent's state",
      body: { state: 'away', staffId: 'staff-bob' },
      code: 'FORBIDDEN',
      path: ['staffId'],
    },
    {
      why: 'a reason with available',
      body: { state: 'available', reasonId: 'x' },
      code: 'INVALID_INPUT',
      path: ['reasonId'],
    },
    { why: 'a made-up state', body: { state: 'asleep' }, code: 'INVALID_INPUT', path: ['state'] },
    { why: 'a number for a state', body: { state: 7 }, code: 'INVALID_INPUT', path: ['state'] },
    { why: 'a string for a body', body: 'away', code: 'INVALID_INPUT', path: [] },
    {
      why: 'a huge reason id',
      body: { state: 'away', reasonId: 'r'.repeat(5000) },
      code: 'INVALID_INPUT',
      path: ['reasonId'],
    },
  ])('$why is refused ($code on $path) and changes nothing', async ({ body, code, path }) => {
    const carol = await feedOf('carol@acme.test');
    await report(carol);
    const bobBefore = stateOf('staff-bob')?.manualPresence;
    const ack = await choose(carol, body);
    expect(ack).toMatchObject({ ok: false, error: { code, path } });
    expect(stateOf('staff-carol')?.manualPresence).toBe('available');
    expect(stateOf('staff-bob')?.manualPresence).toBe(bobBefore);
  });

  test("another organisation's reason id is refused as not found, and the agent stays as they were", async () => {
    const golf = (await reasonsOf(globex)).find((r) => r.name === 'Golf')!;
    const carol = await feedOf('carol@acme.test');
    await report(carol);
    const ack = await choose(carol, { state: 'away', reasonId: golf.id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['reasonId'] } });
    expect(stateOf('staff-carol')).toMatchObject({ manualPresence: 'available', awayReason: null });
    expect(h.repos.presenceSettings.findReason('org-globex', golf.id)).toEqual(golf);
  });
});

describe('away reasons on the board', () => {
  test('the supervisor sees the reason, a rename live, and away without it once removed', async () => {
    const supervisor = await feedOf('supervisor@acme.test');
    const dave = await feedOf('dave@acme.test');
    await report(dave);
    const extra = (await admin.post('/api/org/away-reasons', { name: 'Dentist' })).body.awayReasons.find(
      (r: { name: string }) => r.name === 'Dentist',
    );
    const daveIs = (match: (p: Presence) => boolean) =>
      nextEvent<Presence>(supervisor, 'presence:changed', (p) => p.staffId === 'staff-dave' && match(p));

    let seen = daveIs((p) => p.state === 'away' && p.reason?.id === extra.id);
    const ack = await choose(dave, { state: 'away', reasonId: extra.id });
    expect(ack).toMatchObject({ ok: true, data: { state: 'away', reason: { id: extra.id, name: 'Dentist' } } });
    await seen;

    seen = daveIs((p) => p.reason?.name === 'Dentist (late)');
    await admin.patch(`/api/org/away-reasons/${extra.id}`, { name: 'Dentist (late)' });
    await seen;

    seen = daveIs((p) => p.state === 'away' && p.reason === undefined);
    await admin.del(`/api/org/away-reasons/${extra.id}`);
    await seen;
    await choose(dave, { state: 'available' });
  });
});

describe('wrap-up, on the companion clock', () => {
  afterEach(async () => void (await admin.put('/api/org/presence-settings/wrap-up', { wrapUpSeconds: 0 })));

  test('after an answered call the agent is in wrap-up until its end, then available; the board sees both', async () => {
    expect((await admin.put('/api/org/presence-settings/wrap-up', { wrapUpSeconds: 1 })).body.wrapUpSeconds).toBe(1);
    const supervisor = await feedOf('supervisor@acme.test');
    const bob = await feedOf('bob@acme.test');
    await report(bob);
    const wrapUp = nextEvent<Presence>(
      supervisor,
      'presence:changed',
      (p) => p.staffId === 'staff-bob' && p.state === 'wrap-up',
    );
    const after = nextEvent<Presence>(
      supervisor,
      'presence:changed',
      (p) => p.staffId === 'staff-bob' && p.state === 'available',
    );
    await report(bob, 1, 1);
    await report(bob, 0, 0);
    const w = await wrapUp;
    expect(w.wrapUpUntil).toBe(w.since + 1000);
    // The end is the companion's decision: no command from the browser comes in between.
    const a = await after;
    expect(a.since).toBeGreaterThanOrEqual(w.wrapUpUntil!);
    expect(a.wrapUpUntil).toBeUndefined();
  });

  test('Ready ends it early; a call dialled but never answered has no wrap-up', async () => {
    await admin.put('/api/org/presence-settings/wrap-up', { wrapUpSeconds: 600 });
    const bob = await feedOf('bob@acme.test');
    await report(bob);
    const wrapUp = nextEvent<Presence>(bob, 'presence:changed', (p) => p.state === 'wrap-up');
    await report(bob, 1, 1);
    await report(bob, 0, 0);
    expect((await wrapUp).wrapUpUntil).toBeDefined();
    const ready = await choose(bob, { state: 'available' });
    expect(ready).toMatchObject({ ok: true, data: { state: 'available' } });
    await report(bob, 1, 0);
    const back = nextEvent<Presence>(bob, 'presence:changed', (p) => p.state === 'available');
    await report(bob, 0, 0);
    await back;
    expect(h.repos.presenceSettings.settings('org-demo')).toMatchObject({ wrapUpSeconds: 600, updatedBy: 'Ada Admin' });
  });
});
