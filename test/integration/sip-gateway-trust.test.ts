import { expect, test } from 'vitest';
import { header } from './sip-support/sip-message';
import { GATEWAY_HOST } from './sip-support/test-stack';
import { SALES, forged, history, phone, udp, useSecurityWorld, world } from './sip-support/security-world';
import type { UdpSipClient } from './sip-support/udp-sip-client';

// The phone network is exactly the configured gateway addresses (here GATEWAY_HOST, 127.0.0.2). Another local
// process on 127.0.0.1 that writes the same INVITE or MESSAGE is an agent without credentials.
useSecurityWorld();

const pretend = (client: UdpSipClient, method: string, user: string, body = '') =>
  forged(method, {
    uri: `sip:${user}@127.0.0.1`,
    via: client.via(),
    toTag: '',
    from: '"Your Bank" <sip:+18005550199@127.0.0.1>',
    cseq: 1,
    sdp: method === 'INVITE',
    extra: body ? [['Content-Type', 'text/plain']] : [],
  });

test('a local process on 127.0.0.1 pretending to be the gateway is challenged; the company never hears of its call', async () => {
  const local = await udp('127.0.0.1');
  const call = pretend(local, 'INVITE', SALES);
  await local.send(call.raw, world.sip.sipPort);
  expect((await local.finalFor(call.callId)).status).toBe(407);
  expect((await history()).map((c) => c.id)).not.toContain(call.callId);

  const elsewhere = await udp('127.0.0.3');
  const other = pretend(elsewhere, 'INVITE', SALES);
  await elsewhere.send(other.raw, world.sip.sipPort);
  expect((await elsewhere.finalFor(other.callId)).status).toBe(407);
});

test('the same INVITE from the gateway address is the phone network: the companion routes it', async () => {
  const gateway = await udp(GATEWAY_HOST);
  const call = pretend(gateway, 'INVITE', '+449999999999');
  await gateway.send(call.raw, world.sip.sipPort);
  const reply = await gateway.finalFor(call.callId);
  expect(reply.status).toBe(404);
  expect(reply.reason).toBe('Not a number in service');
});

test('a text from a local process to an agent is challenged and never delivered; from the gateway it is', async () => {
  const agent = await phone('1002');
  const local = await udp('127.0.0.1');
  const spoof = pretend(local, 'MESSAGE', '1002', 'hello');
  await local.send(spoof.raw, world.sip.sipPort);
  expect((await local.finalFor(spoof.callId)).status).toBe(407);

  const gateway = await udp(GATEWAY_HOST);
  const text = pretend(gateway, 'MESSAGE', '1002', 'hello');
  await gateway.send(text.raw, world.sip.sipPort);
  expect((await gateway.finalFor(text.callId)).status).toBe(200);
  expect(agent.seen.filter((m) => m.method === 'MESSAGE').map((m) => header(m, 'call-id'))).toEqual([text.callId]);
});

/**
 * Sends up to `n` keepalive OPTIONS one after another as fast as they are answered (no burst for the socket
 * buffers to drop); stops at the first one left unanswered. Returns how many were answered.
 */
async function flood(client: UdpSipClient, n: number): Promise<number> {
  for (let i = 0; i < n; i++) {
    const msg = forged('OPTIONS', { uri: `sip:127.0.0.1:${world.sip.sipPort}`, via: client.via(), toTag: '', cseq: 1 });
    await client.send(msg.raw, world.sip.sipPort);
    const reply = await client.finalFor(msg.callId, 1000).catch(() => undefined);
    if (reply?.status !== 200) return i;
  }
  return n;
}

test('pike limits a flooding local process (127.0.0.1 is not exempt) and never the configured gateway', async () => {
  const gateway = await udp(GATEWAY_HOST);
  expect(await flood(gateway, 400)).toBe(400);
  const local = await udp('127.0.0.1');
  const answered = await flood(local, 400);
  expect(answered).toBeGreaterThan(0);
  expect(answered).toBeLessThan(400);
});
