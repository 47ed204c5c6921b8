import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { startCompanionProcess } from '../../scripts/stack/companion-process';
import type { ProcessHandle } from '../../scripts/stack/process-handle';
import { freePort } from './sip-support/ports';

// Malformed JSON, wrong types, huge bodies and hostile socket payloads against every endpoint and event of a
// real companion process: it answers each with a 4xx in our error shape, never a 5xx, and never exits.
let companion: ProcessHandle;
let url: string;
let dir: string;
let admin: string;
let agent: string;

const ENDPOINTS: Array<[method: string, path: string]> = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/password'],
  ['GET', '/api/auth/me'],
  ['GET', '/api/sip/credentials'],
  ['GET', '/api/calls'],
  ['GET', '/api/presence'],
  ['GET', '/api/numbers'],
  ['GET', '/api/numbers/:id'],
  ['GET', '/api/numbers/:id/changes'],
  ['PATCH', '/api/numbers/:id/basic'],
  ['PUT', '/api/numbers/:id/routing'],
  ['PUT', '/api/numbers/:id/company'],
  ['PUT', '/api/numbers/:id/main'],
  ['POST', '/api/numbers/:id/main/reset-pin'],
  ['GET', '/api/org/business-hours'],
  ['PUT', '/api/org/business-hours'],
  ['POST', '/api/routing/dry-run'],
  ['GET', '/api/staff'],
  ['GET', '/api/staff/:id'],
  ['GET', '/api/staff/:id/changes'],
  ['POST', '/api/staff'],
  ['PATCH', '/api/staff/:id'],
  ['GET', '/api/contacts'],
  ['GET', '/api/contacts/:id'],
  ['GET', '/api/contacts/:id/changes'],
  ['POST', '/api/contacts'],
  ['PUT', '/api/contacts/:id'],
  ['DELETE', '/api/contacts/:id'],
  ['POST', '/api/contacts/import'],
  ['GET', '/api/contact-item-types'],
  ['POST', '/api/contact-item-types'],
  ['PUT', '/api/contact-item-types/:id'],
  ['DELETE', '/api/contact-item-types/:id'],
  ['GET', '/internal/sip/route'],
  ['GET', '/internal/sip/event'],
  ['GET', '/healthz'],
  ['POST', '/api/auth/logout'],
];
const IDS = [
  'num-sales',
  'num-company',
  'num-main',
  'staff-alice',
  'contact-tom',
  'itemtype-office',
  '..%2F..%2Fetc',
  '%E0%A4%A',
  'x'.repeat(5000),
  '%00',
  '__proto__',
];

let deep = '1';
for (let i = 0; i < 5000; i++) deep = `[${deep}]`;
const RAW_BODIES: Array<[contentType: string, body: string]> = [
  ['application/json', '{'],
  ['application/json', '{"a":'],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"a string"'],
  ['application/json', '123'],
  ['application/json', 'true'],
  ['application/json', deep],
  ['application/json', '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}'],
  ['application/json; charset=utf-16', '{}'],
  ['application/json; charset=nope', '{}'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1&b[c]=2'],
];
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '"\r\nX-Injected: 1',
  '<script>',
  '💥'.repeat(1000),
  'x'.repeat(100_000),
  '../../',
  '%s%n',
  "'; DROP TABLE staff;--",
];
const JSON_BODIES: unknown[] = [
  {},
  { id: 1, name: 123, email: [], role: {}, extension: true, password: null },
  { name: HOSTILE[3], email: 'a@b.c', role: 'admin', extension: '1', password: 'x' },
  { rule: { kind: 'percentage', destinations: 'all' }, voicemail: 7 },
  { csv: 42, mapping: null },
  { csv: 'name,phone\n"unclosed', mapping: { name: 'name', primaryPhone: 'phone' } },
  { numberId: {}, caller: [], at: 'yesterday', presence: 5 },
  { currentPassword: [], newPassword: {} },
  { email: 'x'.repeat(100_000), password: 'y'.repeat(100_000) },
  { primaryPhone: HOSTILE[6], additionalPhones: Array.from({ length: 500 }, () => ({ number: '+1' })) },
  Array.from({ length: 1000 }, () => null),
  ...HOSTILE.map((h) => ({ name: h, email: h, displayName: h, state: h, windows: h })),
];
const QUERIES = [
  '',
  '?phone=%E0%A4%A',
  '?phone[]=1&phone[x]=2',
  '?phone=' + 'x'.repeat(10_000),
  '?token=x&callId=&from=&to=',
  '?a=1&a=2&a=3',
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-fuzz-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  companion = await startCompanionProcess({
    runDir: dir,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: join(dir, 'db.sqlite'),
      STATIC_DIR: join(dir, 'none'),
      SIP_AUTH_SECRET: 'fuzz-secret-0123456789abcdefghij',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  });
  const login = async (email: string) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'switchboard' }),
    });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  admin = await login('admin@acme.test');
  agent = await login('alice@acme.test');
}, 60_000);
afterAll(async () => {
  await companion?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One raw HTTP request (no client-side validation of paths or bodies). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: { origin: url, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const fiveHundreds: string[] = [];
const check = (what: string, r: { status: number; text: string }) => {
  // The health check answers 503 "degraded" on purpose here: no Kamailio or rtpengine runs beside this companion.
  if (what.includes('/healthz') && r.status === 503 && r.text.includes('"degraded"')) return;
  if (r.status >= 500 || r.status === 0)
    fiveHundreds.push(`${what.slice(0, 120)} → ${r.status} ${r.text.slice(0, 200)}`);
};

test('every HTTP endpoint survives malformed, mistyped, hostile and huge input with a 4xx', async () => {
  let requests = 0;
  for (const cookie of [agent, admin, '']) {
    for (const [method, template] of ENDPOINTS) {
      const ids = template.includes(':id') ? IDS : ['-'];
      for (const id of ids) {
        const path = template.replace(':id', id);
        const headers: Record<string, string> = cookie ? { cookie } : {};
        for (const q of QUERIES) {
          check(`${method} ${path}${q}`, await send(method, `${path}${q}`, headers));
          requests++;
        }
        if (method === 'GET' || method === 'DELETE') continue;
        for (const [type, body] of RAW_BODIES) {
          check(
            `${method} ${path} ${type} ${body.slice(0, 30)}`,
            await send(method, path, { ...headers, 'content-type': type }, body),
          );
          requests++;
        }
        for (const body of JSON_BODIES) {
          check(
            `${method} ${path} ${JSON.stringify(body).slice(0, 60)}`,
            await send(method, path, { ...headers, 'content-type': 'application/json' }, JSON.stringify(body)),
          );
          requests++;
        }
      }
    }
  }
  // Over the body limit: 413 in our error shape.
  const huge = await send(
    'POST',
    '/api/contacts/import',
    { cookie: admin, 'content-type': 'application/json' },
    Buffer.alloc(4 * 1024 * 1024, 'a'),
  );
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.text).error.code).toBe('TOO_LARGE');
  // A Content-Length that lies.
  check(
    'lying content-length',
    await send(
      'POST',
      '/api/contacts',
      { cookie: agent, 'content-type': 'application/json', 'content-length': '10' },
      '{"name":"abcdefghijklmnop"}',
    ).catch(() => ({ status: 400, text: '' })),
  );

  expect(fiveHundreds).toEqual([]);
  expect(companion.isRunning()).toBe(true);
  console.log(`[measured] ${requests} hostile HTTP requests, ${fiveHundreds.length} answered 5xx`);
}, 300_000);

test('every feed event survives hostile payloads and acks; oversized packets only close that socket', async () => {
  const cookie = (
    await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bob@acme.test', password: 'switchboard' }),
    })
  ).headers
    .get('set-cookie')!
    .split(';')[0]!;
  const open = () =>
    io(url, { transports: ['websocket'], extraHeaders: { cookie, origin: url }, forceNew: true, reconnection: false });
  const connected = (s: Socket) =>
    new Promise<void>((r, j) => (s.once('connect', () => r()), s.once('connect_error', j)));
  const socket = open();
  await connected(socket);
  const events = [
    'phone:report',
    'phone:heartbeat',
    'presence:set',
    'call:answer',
    'notification:claim',
    'no-such-event',
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ];
  const payloads: unknown[] = [
    undefined,
    null,
    0,
    -1,
    'x',
    '',
    [],
    {},
    [[[[{}]]]],
    { state: 'dnd', extra: 'x'.repeat(10_000) },
    { sipCallId: { $ne: null } },
    { registration: 'registered', ringing: -5, activeCalls: 1e308 },
    { __proto__: { admin: true } },
    ...HOSTILE.slice(0, 6),
  ];
  let acked = 0;
  for (const event of events) {
    for (const payload of payloads) {
      // Without an ack, with a non-function "ack", and with a real one.
      (socket as unknown as { emit(...a: unknown[]): void }).emit(event, payload);
      (socket as unknown as { emit(...a: unknown[]): void }).emit(event, payload, 'not-a-function', 42);
      if (['phone:report', 'presence:set', 'call:answer'].includes(event)) {
        const ack = await socket.timeout(5000).emitWithAck(event, payload);
        expect(ack).toHaveProperty('ok');
        if (ack.ok === false) expect(ack.error.code).not.toBe('INTERNAL');
        acked++;
      }
    }
  }
  expect(socket.connected).toBe(true);
  // A packet over the feed's size limit closes that socket only.
  const closed = new Promise((r) => socket.once('disconnect', r));
  socket.emit('presence:set', { state: 'x'.repeat(200_000) });
  await closed;
  const again = open();
  await connected(again);
  expect(await again.timeout(5000).emitWithAck('presence:set', { state: 'available' })).toMatchObject({ ok: true });
  again.close();
  expect(companion.isRunning()).toBe(true);
  expect(companion.logTail(200)).not.toMatch(/uncaught exception|unhandled rejection/);
  console.log(`[measured] ${events.length * payloads.length * 2 + acked} hostile feed packets`);
}, 120_000);
