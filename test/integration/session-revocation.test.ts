import { ctlSocketPath } from '../../scripts/stack/kamailio';
import { kamcmd, registeredContacts } from '../../scripts/stack/kamcmd';
import { apiAs } from '../support/api-client';
import { openFeed, signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';
import { startTestSipStack, type TestSipStack } from './sip-support/test-stack';
import { WsSipClient } from './sip-support/ws-sip-client';

// The attacker's view: after sign-out, a password change, a role or extension change, whatever the person
// held before (an open feed socket, a session cookie, SIP credentials, a registered phone) stops working at once.
let sip: TestSipStack;
let h: Harness;
const feeds: TestFeed[] = [];
const phones: WsSipClient[] = [];

beforeAll(async () => {
  sip = await startTestSipStack();
  h = await startSeededCompanion({
    SIP_AUTH_SECRET: sip.secret,
    SIP_DOMAIN: sip.domain,
    KAMAILIO_CTL_SOCKET: ctlSocketPath(sip.runDir),
  });
}, 60_000);
afterAll(async () => {
  for (const f of feeds) f.close();
  for (const p of phones) p.close();
  await h?.stop();
  await sip?.stop();
});

async function connectedFeed(cookie: string): Promise<TestFeed> {
  const feed = openFeed(h, { cookie, origin: h.origin });
  feeds.push(feed);
  await new Promise<void>((resolve, reject) => {
    feed.once('connect', () => resolve());
    feed.once('connect_error', (e) => reject(e));
  });
  return feed;
}
const disconnected = (feed: TestFeed) =>
  new Promise<string>((resolve) =>
    feed.connected ? feed.once('disconnect', (reason) => resolve(reason)) : resolve('already'),
  );
const refusedFeed = (cookie: string) =>
  new Promise<string>((resolve) => {
    const feed = openFeed(h, { cookie, origin: h.origin });
    feeds.push(feed);
    feed.once('connect', () => resolve('connected'));
    feed.once('connect_error', (e) => resolve(e.message));
  });

async function credentials(cookie: string) {
  const res = await apiAs(h, cookie).get('/api/sip/credentials');
  expect(res.status).toBe(200);
  return res.body as { username: string; password: string; expiresAt: number };
}
async function register(extension: string, c: { username: string; password: string }) {
  const phone = await WsSipClient.connect(sip.wsUrl);
  phones.push(phone);
  return (await phone.register({ extension, domain: sip.domain, credentials: c })).status;
}

test('SIP credentials live at most ten minutes', async () => {
  const cookie = await signIn(h, 'dave@acme.test');
  const c = await credentials(cookie);
  expect(c.expiresAt - Date.now()).toBeLessThanOrEqual(600_000 + 1000);
});

test('sign-out closes the feed socket, ends the session, and Kamailio refuses the phone at once', async () => {
  const cookie = await signIn(h, 'alice@acme.test');
  const feed = await connectedFeed(cookie);
  const before = await credentials(cookie);
  expect(await register('1001', before)).toBe(200);
  expect(await registeredContacts(sip.runDir, '1001')).toHaveLength(1);

  const closed = disconnected(feed);
  expect((await apiAs(h, cookie).post('/api/auth/logout')).status).toBe(204);
  expect(await closed).toBe('io server disconnect');
  expect(await refusedFeed(cookie)).toBe('UNAUTHENTICATED');
  // The registration is gone and the credentials minted before sign-out no longer register.
  expect(await registeredContacts(sip.runDir, '1001')).toEqual([]);
  expect(await register('1001', before)).toBe(403);

  // Signing in again gives credentials Kamailio accepts.
  const again = await signIn(h, 'alice@acme.test');
  expect(await register('1001', await credentials(again))).toBe(200);
});

test('a socket whose session has ended accepts no command', async () => {
  const cookie = await signIn(h, 'carol@acme.test');
  const feed = await connectedFeed(cookie);
  // The session disappears behind the socket's back (as when it expires).
  h.repos.sessions.deleteForStaff('staff-carol');
  const closed = disconnected(feed);
  feed.emit('presence:set', { state: 'dnd' }, () => {});
  await closed;
  expect(h.repos.staff.findById('staff-carol')?.manualPresence).not.toBe('dnd');
});

test("a heartbeat on a socket whose session has expired closes it (the expiry the socket holds, the companion's clock)", async () => {
  const cookie = await signIn(h, 'dave@acme.test');
  const expiresAt = Date.now() + 1500;
  h.repos.db.prepare("UPDATE sessions SET expires_at = ? WHERE staff_id = 'staff-dave'").run(expiresAt);
  const feed = await connectedFeed(cookie);
  const closed = disconnected(feed);
  while (Date.now() <= expiresAt) await new Promise((r) => setTimeout(r, 100));
  feed.emit('phone:heartbeat');
  expect(await closed).toBe('io server disconnect');
});

test('a password change ends every other session and its socket; this one stays; old password refused', async () => {
  const here = await signIn(h, 'bob@acme.test');
  const elsewhere = await signIn(h, 'bob@acme.test');
  const hereFeed = await connectedFeed(here);
  const elsewhereFeed = await connectedFeed(elsewhere);
  const stolen = await credentials(elsewhere);
  const closed = disconnected(elsewhereFeed);

  const weak = await apiAs(h, here).post('/api/auth/password', {
    currentPassword: 'switchboard',
    newPassword: 'password1234',
  });
  expect(weak.status).toBe(400);
  expect(weak.body.error.path).toEqual(['newPassword']);
  const wrong = await apiAs(h, here).post('/api/auth/password', {
    currentPassword: 'not-it',
    newPassword: 'tidal-copper-lantern',
  });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.path).toEqual(['currentPassword']);

  expect(
    (
      await apiAs(h, here).post('/api/auth/password', {
        currentPassword: 'switchboard',
        newPassword: 'tidal-copper-lantern',
      })
    ).status,
  ).toBe(204);
  await closed;
  expect(hereFeed.connected).toBe(true);
  expect((await apiAs(h, elsewhere).get('/api/auth/me')).status).toBe(401);
  expect((await apiAs(h, here).get('/api/auth/me')).status).toBe(200);
  expect(await register('1002', stolen)).toBe(403);
  await expect(signIn(h, 'bob@acme.test', 'switchboard')).rejects.toThrow(/401/);
  await signIn(h, 'bob@acme.test', 'tidal-copper-lantern');
});

test("an admin's role or extension change closes that person's sockets, sessions and old extension", async () => {
  const admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  const dave = await signIn(h, 'dave@acme.test');
  const feed = await connectedFeed(dave);
  const old = await credentials(dave);
  expect(await register('1004', old)).toBe(200);
  // As Kamailio caches it at a REGISTER when the companion answers its extension hook.
  await kamcmd(sip.runDir, 'htable.sets', 'extorg', 's:1004', 'org-demo');
  expect((await kamcmd(sip.runDir, 'htable.get', 'extorg', 's:1004')).stdout).toContain('org-demo');

  const closed = disconnected(feed);
  expect((await admin.patch('/api/staff/staff-dave', { extension: '1044' })).status).toBe(200);
  await closed;
  expect((await apiAs(h, dave).get('/api/auth/me')).status).toBe(401);
  expect(await registeredContacts(sip.runDir, '1004')).toEqual([]);
  // The extension may be given to someone of another organisation: Kamailio must ask again.
  expect((await kamcmd(sip.runDir, 'htable.get', 'extorg', 's:1004')).stdout).not.toContain('org-demo');
  expect(await register('1004', old)).toBe(403);

  const again = await signIn(h, 'dave@acme.test');
  const feed2 = await connectedFeed(again);
  const closed2 = disconnected(feed2);
  expect((await admin.patch('/api/staff/staff-dave', { role: 'supervisor' })).status).toBe(200);
  await closed2;
  expect((await apiAs(h, again).get('/api/auth/me')).status).toBe(401);
});

test("Kamailio's log never holds the SIP secret or the hook token and is owner-only", async () => {
  const { readFileSync, statSync } = await import('node:fs');
  const { hookToken } = await import('../../src/server/auth/hook-token');
  const log = readFileSync(sip.stack.kamailio.logPath, 'utf8');
  expect(log).toMatch(/auth_ephemeral|Listening on/);
  expect(log).not.toContain(sip.secret);
  expect(log).not.toContain(hookToken(sip.secret));
  expect(statSync(sip.stack.kamailio.logPath).mode & 0o777).toBe(0o600);
});
