import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import type { SipMessage } from './sip-support/sip-message';
import { GATEWAY_HOST } from './sip-support/test-stack';
import { TORTURE, fill, oversized } from './sip-support/torture-messages';
import { SECRET, creds, forged, udp, useSecurityWorld, world, ws } from './sip-support/security-world';
import type { UdpSipClient } from './sip-support/udp-sip-client';

// Malformed and hostile SIP over UDP (from a local process and from the gateway, whose requests reach the
// companion) and over the WebSocket: Kamailio stays up and answers sanely, the companion never answers 5xx.
useSecurityWorld();

const errors = vi.spyOn(console, 'error');
let counter = 0;
const replies: SipMessage[] = [];
beforeAll(() => errors.mockClear());
afterAll(() => errors.mockRestore());

const token = () => `fz${process.pid}x${++counter}`;
const target = () => `127.0.0.1:${world.sip.sipPort}`;

async function sendAllUdp(client: UdpSipClient) {
  for (const t of TORTURE)
    await client.send(
      fill(t.raw, { target: target(), via: `${client.host}:${client.port}`, token: token() }),
      world.sip.sipPort,
    );
  for (const size of [4_000, 20_000, 60_000])
    await client.send(
      fill(oversized(size), { target: target(), via: `${client.host}:${client.port}`, token: token() }),
      world.sip.sipPort,
    );
}

/** Kamailio still answers: a keepalive from the gateway, and a registration from a fresh WebSocket. */
async function stillServing() {
  expect(world.sip.stack.kamailio.isRunning()).toBe(true);
  const gw = await udp(GATEWAY_HOST);
  const ping = forged('OPTIONS', { uri: `sip:${target()}`, via: gw.via(), toTag: '', cseq: 1 });
  await gw.send(ping.raw, world.sip.sipPort);
  expect((await gw.finalFor(ping.callId)).status).toBe(200);
  const agent = await ws(world.h.origin);
  expect(
    (await agent.register({ extension: '1004', domain: world.sip.domain, credentials: creds('1004') })).status,
  ).toBe(200);
}

test('RFC 4475-style torture messages, oversized headers and bad Content-Length over UDP from a local process', async () => {
  const local = await udp('127.0.0.1');
  await sendAllUdp(local);
  await stillServing();
  replies.push(...local.received);
});

test('the same from the gateway address, whose INVITEs reach the companion', async () => {
  const gateway = await udp(GATEWAY_HOST);
  await sendAllUdp(gateway);
  await stillServing();
  replies.push(...gateway.received);
});

test('the same over the WebSocket, each on a fresh connection and all on one', async () => {
  const serverErrors: SipMessage[] = [];
  const watch = (c: Awaited<ReturnType<typeof ws>>) =>
    void c.next((m) => (m.status ?? 0) >= 500).then((m) => serverErrors.push(m));
  const one = await ws();
  watch(one);
  for (const t of [...TORTURE.map((x) => x.raw), oversized(4_000), oversized(100_000)]) {
    const raw = fill(t, { target: target(), via: 'fuzz.invalid', token: token() });
    one.send(raw);
    const fresh = await ws();
    watch(fresh);
    fresh.send(raw);
  }
  await stillServing();
  expect(serverErrors.map((m) => `${m.status} ${m.reason}`)).toEqual([]);
});

test('hostile hook queries answer 4xx, never 5xx', async () => {
  const headers = { [HOOK_TOKEN_HEADER]: hookToken(SECRET) };
  const queries = [
    'route?attempt=abc&callId=x&to=1',
    'route?callId=&to=',
    `route?callId=${'x'.repeat(20_000)}&from=%00%0d%0a&to=%2B44`,
    'route?callId[]=a&to[x]=b&from=1',
    'event?callId=x&event=exploded',
    'event?callId=x&event=answered&code=NaN',
    'event',
    'extension',
    `extension?ext=${'9'.repeat(200)}`,
  ];
  for (const q of queries) {
    const res = await fetch(`${world.h.hookUrl}/internal/sip/${q}`, { headers });
    expect(res.status, q).toBeGreaterThanOrEqual(400);
    expect(res.status, q).toBeLessThan(500);
  }
});

test('no 5xx anywhere: not in any SIP answer, not from the companion to Kamailio, no unexpected companion error', () => {
  expect(
    replies
      .filter((m) => (m.status ?? 0) >= 500)
      .map((m) => `${m.status} ${m.reason} (${m.headers.find(([n]) => /^call-id$/i.test(n))?.[1]})`),
  ).toEqual([]);
  const log = readFileSync(join(world.sip.runDir, 'kamailio.log'), 'utf8');
  expect(log).not.toMatch(/answered HTTP 5\d\d|did not take call event \(5\d\d\)|CRITICAL|segfault/);
  expect(errors.mock.calls.filter((c) => String(c[0]).includes('unexpected error'))).toEqual([]);
});
