import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { startProductStack, type ProductStack } from '../../scripts/stack/product-stack';
import { supervise, type Supervisor } from '../../scripts/stack/supervisor';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { freePort } from './sip-support/ports';
import { WsSipClient } from './sip-support/ws-sip-client';
import { keepBeating } from '../support/heartbeat';

// The product as `npm start` runs it, with its supervisor: one part failing does not take the others down.
let stack: ProductStack;
let supervisor: Supervisor;
let dir: string;
let wsPort: number;
const SECRET = 'supervisor-secret-0123456789abcdef';
const log: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-supervised-'));
  const rtpMin = 41000 + Math.floor(Math.random() * 150) * 100;
  stack = await startProductStack({
    runDir: dir,
    authSecret: SECRET,
    ports: {
      http: await freePort(),
      sip: await freePort(),
      ws: (wsPort = await freePort()),
      rtpNg: await freePort(),
      rtpMin,
      rtpMax: rtpMin + 99,
    },
    env: { LOG_LEVEL: 'warn' },
  });
  supervisor = supervise(stack.parts(), { log: (l) => log.push(l), backoff: { firstMs: 200 } });
}, 90_000);
afterAll(async () => {
  supervisor?.stop();
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The PIDs whose parent is `pid` (Kamailio's workers). */
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
/** Running or sleeping: a killed worker may linger a moment as a zombie until it is reaped. */
const alive = (pid: number) => {
  try {
    return !/^Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!);
  } catch {
    return false;
  }
};
const healthy = async () => (await fetch(`${stack.url}/api/auth/me`)).status === 401;

test('a killed companion is started again; Kamailio and rtpengine keep running with the same PIDs', async () => {
  const kamailio = stack.sip.kamailio.pid;
  const rtpengine = stack.sip.rtpengine.pid;
  const first = stack.companion.pid;
  const back = supervisor.nextStart('companion');
  process.kill(first, 'SIGKILL');
  const next = await back;
  expect(next.pid).not.toBe(first);
  expect(await healthy()).toBe(true);
  expect(stack.sip.kamailio.pid).toBe(kamailio);
  expect(stack.sip.kamailio.isRunning()).toBe(true);
  expect(stack.sip.rtpengine.pid).toBe(rtpengine);
  expect(log.join('\n')).toMatch(/companion \(pid \d+\) exited \(SIGKILL\); restarting/);
}, 60_000);

test('a killed Kamailio is started again and the companion keeps serving', async () => {
  const companion = stack.companion.pid;
  const first = stack.sip.kamailio.pid;
  const workers = childrenOf(first);
  expect(workers.length).toBeGreaterThan(0);
  const back = supervisor.nextStart('kamailio');
  process.kill(first, 'SIGKILL');
  expect((await back).pid).not.toBe(first);
  // None of the killed Kamailio's workers is left behind holding its ports.
  expect(workers.filter(alive)).toEqual([]);
  expect(stack.companion.pid).toBe(companion);
  expect(await healthy()).toBe(true);
}, 60_000);

test('a feed socket that drops for a moment gets the events sent meanwhile (connection-state recovery)', async () => {
  const login = async (email: string) => {
    const res = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.url },
      body: JSON.stringify({ email, password: 'switchboard' }),
    });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const open = (cookie: string, reconnection: boolean) =>
    io(stack.url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: stack.url },
      forceNew: true,
      reconnection,
      reconnectionDelay: 100,
    });
  const connected = (s: ReturnType<typeof open>) =>
    new Promise((r, j) => (s.once('connect', () => r(null)), s.once('connect_error', (e) => j(e))));
  const watcher = open(await login('supervisor@acme.test'), true);
  await connected(watcher);
  const alice = keepBeating(open(await login('alice@acme.test'), false));
  await connected(alice);
  // Alice's phone registers with Kamailio (which tells the companion); her page has not said so yet.
  const phone = await WsSipClient.connect(`ws://127.0.0.1:${wsPort}`, { origin: stack.url });
  const credentials = mintEphemeralCredentials(SECRET, '1001', 600, Date.now());
  expect((await phone.register({ extension: '1001', domain: '127.0.0.1', credentials })).status).toBe(200);
  const seen: string[] = [];
  const sawAvailable = new Promise((r) =>
    watcher.on(
      'presence:changed',
      (p: { staffId: string; state: string }) =>
        p.staffId === 'staff-alice' && seen.push(p.state) && p.state === 'available' && r(null),
    ),
  );
  // Drop the watcher's transport (as a network blip would).
  const reconnected = new Promise((r) => watcher.once('connect', () => r(null)));
  watcher.io.engine.close();
  // While it is away: Alice's page reports its phone registered, so she becomes available (pushed to supervisors).
  await new Promise((r) => alice.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, r));
  await reconnected;
  expect(watcher.recovered).toBe(true);
  await sawAvailable;
  expect(seen).toContain('available');
  watcher.close();
  alice.close();
  await phone.close();
}, 30_000);
