import type { Presence } from '../../src/common/presence';
import { nextEvent, openFeed, signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';

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
const connectError = (s: TestFeed) => new Promise<string>((resolve) => s.once('connect_error', (e) => resolve(e.message)));
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
    const bobState = (state: string) => nextEvent<Presence>(supervisor, 'presence:changed', (p) => p.name === 'Bob Agent' && p.state === state);

    const bob = track(openFeed(h, { cookie: await signIn(h, 'bob@acme.test'), origin: h.origin }));
    await nextEvent(bob, 'presence:snapshot');
    let seen = bobState('available');
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
    const ack = await new Promise<{ ok: boolean; error?: { code: string; path?: unknown[] } }>((r) => carol.emit('presence:set', { state: 'on-call' as 'away' }, r));
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', path: ['state'] } });
  });

  test('agents do not receive other agents\' presence', async () => {
    const alice = track(openFeed(h, { cookie: await signIn(h, 'alice@acme.test'), origin: h.origin }));
    await nextEvent(alice, 'presence:snapshot');
    const got: Presence[] = [];
    alice.on('presence:changed', (p) => got.push(p));
    const dave = track(openFeed(h, { cookie: await signIn(h, 'dave@acme.test'), origin: h.origin }));
    await nextEvent(dave, 'presence:snapshot');
    const daveSelf = nextEvent<Presence>(dave, 'presence:changed', (p) => p.state === 'available');
    await report(dave, 'registered');
    await daveSelf;
    expect(got.filter((p) => p.name === 'Dave Agent')).toEqual([]);
  });

  test('the presence list over HTTP: whole organisation for supervisors, self for agents', async () => {
    const sup = await (await fetch(`${h.url}/api/presence`, { headers: { cookie: await signIn(h, 'supervisor@acme.test') } })).json();
    const agent = await (await fetch(`${h.url}/api/presence`, { headers: { cookie: await signIn(h, 'alice@acme.test') } })).json();
    expect(sup).toHaveLength(6);
    expect(agent.map((p: Presence) => p.name)).toEqual(['Alice Agent']);
  });
});
