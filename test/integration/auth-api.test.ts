import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

let h: Harness;
beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: 'integration-secret-0123456789' });
});
afterAll(() => h.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin, ...headers },
    body: JSON.stringify(body),
  });

describe('sign-in', () => {
  test('right password: a HttpOnly SameSite session cookie, and who-am-I answers', async () => {
    const res = await post('/api/auth/login', { email: 'Alice@Acme.test ', password: 'switchboard' });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^sb_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${h.url}/api/auth/me`, { headers: { cookie: setCookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({
      email: 'alice@acme.test',
      role: 'agent',
      extension: '1001',
      orgName: 'Acme Sales',
      country: 'GB',
    });
  });

  test('wrong password: a clear message, then repeated failures are slowed down', async () => {
    const first = await post('/api/auth/login', { email: 'bob@acme.test', password: 'nope' });
    expect(first.status).toBe(401);
    expect(await first.json()).toEqual({ error: { code: 'BAD_CREDENTIALS', message: 'Wrong email or password.' } });
    await post('/api/auth/login', { email: 'bob@acme.test', password: 'nope' });
    await post('/api/auth/login', { email: 'bob@acme.test', password: 'nope' });
    await post('/api/auth/login', { email: 'bob@acme.test', password: 'nope' });
    const slowed = await post('/api/auth/login', { email: 'bob@acme.test', password: 'switchboard' });
    expect(slowed.status).toBe(429);
    expect((await slowed.json()).error.message).toMatch(/Try again in \d+ s/);
  });

  test('bad input names the field', async () => {
    const res = await post('/api/auth/login', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_INPUT', path: ['email'] });
  });

  test('a write from a foreign origin is refused', async () => {
    const res = await post(
      '/api/auth/login',
      { email: 'carol@acme.test', password: 'switchboard' },
      { origin: 'http://evil.example' },
    );
    expect(res.status).toBe(403);
  });

  test('log out ends the session', async () => {
    const cookie = await signIn(h, 'carol@acme.test');
    expect((await post('/api/auth/logout', {}, { cookie })).status).toBe(204);
    const me = await fetch(`${h.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(401);
  });
});

describe('SIP credentials', () => {
  test('are ephemeral, at most ten minutes, and name the WebSocket URL', async () => {
    const cookie = await signIn(h, 'dave@acme.test');
    const before = Date.now();
    const res = await fetch(`${h.url}/api/sip/credentials`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c.username).toMatch(/^\d+:1004$/);
    expect(c.uri).toBe('sip:1004@127.0.0.1');
    expect(c.wsUrl).toMatch(/^wss?:\/\//);
    expect(c.expiresAt - before).toBeLessThanOrEqual(600_000 + 1000);
    expect(c.expiresAt).toBeGreaterThan(before);
  });

  test('need a session', async () => {
    const res = await fetch(`${h.url}/api/sip/credentials`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });
});

test('an unknown API path answers 404 in our error shape', async () => {
  const res = await fetch(`${h.url}/api/nope`);
  expect(res.status).toBe(404);
  expect((await res.json()).error.code).toBe('NOT_FOUND');
});

test('healthz reports the database up and missing SIP parts down', async () => {
  const h2 = await startSeededCompanion({ KAMAILIO_WS_PORT: '1', RTPENGINE_NG: '127.0.0.1:9' });
  try {
    const res = await fetch(`${h2.url}/healthz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe('degraded');
    expect(body.checks.database.up).toBe(true);
    expect(body.checks.kamailio.up).toBe(false);
    expect(body.checks.rtpengine.up).toBe(false);
  } finally {
    await h2.stop();
  }
});
