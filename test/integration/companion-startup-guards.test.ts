import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanionProcess } from '../../scripts/stack/companion-process';
import { spawnProcess } from '../../scripts/stack/process-handle';
import { freePort } from './sip-support/ports';

// The companion as it runs in production (its own process, started by the start scripts).
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const runDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'switchboard-guard-'));
  dirs.push(d);
  return d;
};
const strongSecret = () => randomBytes(24).toString('base64url');
const root = join(import.meta.dirname, '../..');

async function startExpectingRefusal(env: Record<string, string>): Promise<{ code: number | null; log: string }> {
  const dir = runDir();
  const handle = spawnProcess({
    name: 'companion',
    command: process.execPath,
    args: ['--import', `file://${join(root, 'node_modules/tsx/dist/loader.mjs')}`, join(root, 'src/server/main.ts')],
    runDir: dir,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DATABASE_PATH: join(dir, 'db.sqlite'),
      ...env,
    },
  });
  const { code } = await handle.exited;
  return { code, log: handle.logTail(20) };
}

test.each([
  { why: 'no secret at all', env: {} as Record<string, string>, message: /SIP_AUTH_SECRET is required/ },
  {
    why: 'the once-public default',
    env: { SIP_AUTH_SECRET: 'switchboard-demo-secret-change-me' },
    message: /published/,
  },
  { why: 'a short secret', env: { SIP_AUTH_SECRET: 'short-secret' }, message: /at least 24/ },
  { why: 'a repetitive secret', env: { SIP_AUTH_SECRET: 'abababababababababababababab' }, message: /random/ },
])('the companion refuses to start with $why', async ({ env, message }) => {
  const { code, log } = await startExpectingRefusal(env);
  expect(code).toBe(2);
  expect(log).toMatch(message);
});

test('exposed beyond loopback, the companion refuses to seed the demo organisation', async () => {
  const { code, log } = await startExpectingRefusal({
    SIP_AUTH_SECRET: strongSecret(),
    PUBLIC_ORIGINS: 'https://phones.example.com',
    SEED_DEMO: 'true',
  });
  expect(code).toBe(2);
  expect(log).toMatch(/refusing to start: SEED_DEMO/);
});

test('exposed beyond loopback, demo accounts keep no published password; files are owner-only; no secret in the log', async () => {
  const dir = runDir();
  const secret = strongSecret();
  const port = await freePort();
  const base = {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: join(dir, 'db.sqlite'),
    SIP_AUTH_SECRET: secret,
    STATIC_DIR: join(dir, 'none'),
  };
  // First on loopback with the demo (as `npm start`), then exposed on the same database.
  const demo = await startCompanionProcess({ runDir: dir, env: { ...base, SEED_DEMO: 'true' } });
  const login = () =>
    fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@acme.test', password: 'switchboard' }),
    }).then((r) => r.status);
  expect(await login()).toBe(200);
  await demo.stop();

  const exposed = await startCompanionProcess({
    runDir: dir,
    env: { ...base, PUBLIC_ORIGINS: 'https://phones.example.com' },
  });
  try {
    expect(exposed.logTail()).toMatch(/locked 6 demo account/);
    expect(await login()).toBe(401);
    for (const file of ['db.sqlite', 'db.sqlite-wal', 'companion.log'])
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'companion.log'), 'utf8')).not.toContain(secret);
  } finally {
    await exposed.stop();
  }
}, 60_000);
