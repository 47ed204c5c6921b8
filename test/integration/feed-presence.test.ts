import type { Presence } from '../../src/common/presence';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';
import { kamailioRegistered, kamailioReports, routableAgent } from '../support/registration';

let h: Harness;
const open: TestFeed[] = [];
beforeAll(async () => {
  h = await startSeededCompanion();
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(() => h.stop());

const track = (s: TestFeed) => (open.push(s), s);
const connectError = (s: TestFeed) =>
  new Promise<string>((resolve) => s.once('connect_error', (e) => resolve(e.message)));
const report = (s: TestFeed, registration: 'registered' | 'connecting', ringing = 0, activeCalls = 0) =>
  new Promise((resolve) => s.emit('phone:report', { registration, ringing, activeCalls }, resolve));

describe('feed handshake', () => {
  test('without a session it is refused', async () => {
    const s = track(openFeed(h, { origin: h.origin }));
    expect(await connectError(s)).toBe('UNAUTHENTICATED');
    expect(s.connected).toBe(false);
  });

  test('from a foreign origin it is refused, even with a session', async () => {
    const cookie = await signIn(h, 'alice@acme.test');
    const s = track(openFeed(h, { cookie, origin: 'http://evil.example' }));
    await connectError(s);
    expect(s.connected).toBe(false);
  });

  test('with a session from our origin it connects and gets its own presence', async () => {
    const cookie = await signIn(h, 'alice@acme.test');
    const s = track(openFeed(h, { cookie, origin: h.origin }));
    const snapshot = await nextEvent<Presence[]>(s, 'presence:snapshot');
    expect(snapshot.map((p) => p.name)).toEqual(['Alice Agent']);
  });
});

describe('presence, watched by a supervisor', () => {
  test('registered → available, ringing, on-call, away, dnd, and offline when the tab closes', async () => {
    const supervisor = track(openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin }));
    const everyone = await nextEvent<Presence[]>(supervisor, 'presence:snapshot');
    expect(everyone.length).toBe(6);
    const bobState = (state: string) =>
      nextEvent<Presence>(supervisor, 'presence:changed', (p) => p.name === 'Bob Agent' && p.state === state);

    const bob = track(openFeed(h, { cookie: await signIn(h, 'bob@acme.test'), origin: h.origin }));
    await nextEvent(bob, 'presence:snapshot');
    let seen = bobState('available');
    await kamailioRegistered(h, '1002');
    await report(bob, 'registered');
    expect((await seen).state).toBe('available');

    seen = bobState('ringing');
    await report(bob, 'registered', 1, 0);
    await seen;
    seen = bobState('on-call');
    await report(bob, 'registered', 0, 1);
    await seen;
    seen = bobState('available');
    await report(bob, 'registered', 0, 0);
    await seen;

    seen = bobState('away');
    const ack = await new Promise<{ ok: boolean }>((r) => bob.emit('presence:set', { state: 'away' }, r));
    expect(ack.ok).toBe(true);
    await seen;
    seen = bobState('dnd');
    bob.emit('presence:set', { state: 'dnd' }, () => {});
    await seen;
    seen = bobState('available');
    bob.emit('presence:set', { state: 'available' }, () => {});
    await seen;

    seen = bobState('offline');
    await report(bob, 'connecting');
    await seen;
    seen = bobState('available');
    await report(bob, 'registered');
    await seen;

    seen = bobState('offline');
    bob.disconnect();
    await seen;
  });

  test('an agent cannot choose a state the phone owns', async () => {
    const carol = track(openFeed(h, { cookie: await signIn(h, 'carol@acme.test'), origin: h.origin }));
    await nextEvent(carol, 'presence:snapshot');
    const ack = await new Promise<{ ok: boolean; error?: { code: string; path?: unknown[] } }>((r) =>
      carol.emit('presence:set', { state: 'on-call' as 'away' }, r),
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', path: ['state'] } });
  });

  test("agents do not receive other agents' presence", async () => {
    const alice = track(openFeed(h, { cookie: await signIn(h, 'alice@acme.test'), origin: h.origin }));
    await nextEvent(alice, 'presence:snapshot');
    const got: Presence[] = [];
    alice.on('presence:changed', (p) => got.push(p));
    const dave = track(openFeed(h, { cookie: await signIn(h, 'dave@acme.test'), origin: h.origin }));
    await nextEvent(dave, 'presence:snapshot');
    await routableAgent(h, 'dave@acme.test', { feed: dave });
    expect(got.filter((p) => p.name === 'Dave Agent')).toEqual([]);
  });

  test('a page that says its phone is registered while Kamailio holds no contact for it is offline, and says why', async () => {
    const supervisor = track(openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin }));
    await nextEvent(supervisor, 'presence:snapshot');
    const carol = (match: (p: Presence) => boolean) =>
      nextEvent<Presence>(supervisor, 'presence:changed', (p) => p.name === 'Carol Agent' && match(p));
    const tab = track(openFeed(h, { cookie: await signIn(h, 'carol@acme.test'), origin: h.origin }));
    await nextEvent(tab, 'presence:snapshot');
    let seen = carol((p) => p.issues?.includes('registration-lost') === true);
    await report(tab, 'registered');
    expect(await seen).toMatchObject({ state: 'offline', issues: ['registration-lost'] });

    seen = carol((p) => p.state === 'available');
    await kamailioRegistered(h, '1003');
    expect((await seen).issues).toEqual([]);

    // The WebSocket the REGISTER came over is gone (or an unREGISTER): Kamailio says so, the page is not asked.
    seen = carol((p) => p.state === 'offline');
    expect(await kamailioReports(h, { event: 'removed', ext: '1003' })).toBe(200);
    expect((await seen).issues).toEqual(['registration-lost']);
  });

  test('a registration report without the hook token is refused and changes nothing', async () => {
    const supervisor = track(openFeed(h, { cookie: await signIn(h, 'supervisor@acme.test'), origin: h.origin }));
    await nextEvent(supervisor, 'presence:snapshot');
    const tab = track(openFeed(h, { cookie: await signIn(h, 'carol@acme.test'), origin: h.origin }));
    await nextEvent(tab, 'presence:snapshot');
    const lost = nextEvent<Presence>(
      supervisor,
      'presence:changed',
      (p) => p.name === 'Carol Agent' && p.issues?.includes('registration-lost') === true,
    );
    await report(tab, 'registered');
    await lost;
    const changes: Presence[] = [];
    supervisor.on('presence:changed', (p) => p.name === 'Carol Agent' && changes.push(p));
    const q = new URLSearchParams({
      event: 'registered',
      ext: '1003',
      contact: 'sip:1003@127.0.0.1:5099',
      expires: '600',
      source: 'udp:127.0.0.1:5099',
    });
    for (const headers of [{}, { 'X-Hook-Token': 'guess' }, { 'X-Hook-Token': h.hookToken.slice(1) }] as Array<
      Record<string, string>
    >) {
      expect((await fetch(`${h.hookUrl}/internal/sip/registration?${q}`, { headers })).status).toBe(403);
    }
    // Not on the public listener either (with the right token too).
    expect(
      (await fetch(`${h.url}/internal/sip/registration?${q}`, { headers: { 'X-Hook-Token': h.hookToken } })).status,
    ).toBe(404);
    // A malformed one (with the token) is refused naming what is wrong.
    const bad = await fetch(
      `${h.hookUrl}/internal/sip/registration?${new URLSearchParams({ event: 'registered', ext: '1003', contact: 'x', expires: '600', source: 'nowhere' })}`,
      { headers: { 'X-Hook-Token': h.hookToken } },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/source/);
    // Let a real change through, to prove nothing came before it.
    const marker = nextEvent<Presence>(
      supervisor,
      'presence:changed',
      (p) => p.name === 'Carol Agent' && p.state === 'offline' && p.issues?.length === 0,
    );
    tab.disconnect();
    await marker;
    expect(changes.map((p) => p.state)).toEqual(['offline']);
  });

  test('the presence list over HTTP: whole organisation for supervisors, self for agents', async () => {
    const sup = await (
      await fetch(`${h.url}/api/presence`, { headers: { cookie: await signIn(h, 'supervisor@acme.test') } })
    ).json();
    const agent = await (
      await fetch(`${h.url}/api/presence`, { headers: { cookie: await signIn(h, 'alice@acme.test') } })
    ).json();
    expect(sup).toHaveLength(6);
    expect(agent.map((p: Presence) => p.name)).toEqual(['Alice Agent']);
  });
});
