import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { CallOffered } from '../../src/common/calls';
import { hookToken } from '../../src/server/auth/hook-token';
import { placeCall, startCaller } from '../../scripts/sipp/caller';
import { startTestSipStack } from './sip-support/test-stack';
import { nextEvent } from '../support/companion-harness';
import { buildMessage, header, headerAll, randomToken, uriOf } from './sip-support/sip-message';
import type { WsSipClient } from './sip-support/ws-sip-client';
import {
  SALES,
  creds,
  eventually,
  feedOf,
  forged,
  history,
  phone,
  udp,
  useSecurityWorld,
  world,
  ws,
} from './sip-support/security-world';

// Attacks on Kamailio's in-dialog handling, from a process with no account: over UDP from 127.0.0.1 and over
// the WebSocket. Nothing may be relayed, and no call event may be forged.
useSecurityWorld();

const gatewayInvites = () => world.gateway.received.filter((m) => m.method === 'INVITE');

test.each([
  ['a bare Route to us', (port: number) => `<sip:127.0.0.1:${port};lr>`],
  [
    'Route params claiming a virtual-number call with media',
    (port: number) => `<sip:127.0.0.1:${port};lr;vn=1;rtpe=1;ftag=x>`,
  ],
])(
  'UDP: an unauthenticated INVITE with a forged To-tag and %s is refused (481), never relayed to the gateway',
  async (_name, route) => {
    const attacker = await udp('127.0.0.1');
    const target = `sip:+15557654321@127.0.0.2:${world.gatewayPort}`;
    const { callId, raw } = forged('INVITE', {
      uri: target,
      via: attacker.via(),
      route: route(world.sip.sipPort),
      sdp: true,
    });
    await attacker.send(raw, world.sip.sipPort);
    expect((await attacker.finalFor(callId)).status).toBe(481);
    expect(gatewayInvites().filter((m) => header(m, 'call-id') === callId)).toEqual([]);
  },
);

test('WebSocket: the same forged in-dialog INVITE, without registering, is refused (481) and never reaches the gateway', async () => {
  const attacker = await ws();
  const target = `sip:+15557654321@127.0.0.2:${world.gatewayPort}`;
  const { callId, raw } = forged('INVITE', {
    uri: target,
    via: 'SIP/2.0/WS evil.invalid;branch=z9hG4bKevil1;rport',
    route: `<sip:127.0.0.1:${world.sip.wsPort};transport=ws;lr>`,
    sdp: true,
  });
  attacker.send(raw);
  expect((await attacker.next((m) => (m.status ?? 0) >= 200 && header(m, 'call-id') === callId)).status).toBe(481);
  expect(gatewayInvites().filter((m) => header(m, 'call-id') === callId)).toEqual([]);
});

test('the WebSocket handshake accepts only our own origins (and software that names none)', async () => {
  await expect(ws('https://evil.example')).rejects.toThrow(/403/);
  await expect(ws('http://127.0.0.1:1')).rejects.toThrow(/403/);
  expect(await ws(world.h.origin)).toBeTruthy();
  expect(await ws()).toBeTruthy();
});

test('an authenticated agent cannot send requests to off-domain URIs', async () => {
  const agent = await ws(world.h.origin);
  for (const target of [
    'sip:someone@evil.example',
    `sip:1002@127.0.0.2:${world.gatewayPort}`,
    'sip:1002@127.0.0.1:5999',
  ]) {
    const call = await agent.invite({ from: '1003', target, domain: world.sip.domain, credentials: creds('1003') });
    expect(call.reply.status, target).toBe(403);
  }
  expect(gatewayInvites()).toEqual([]);
});

test('forged BYEs for a live call, with its Call-ID and even its tags, change nothing: the call stays answered until the caller hangs up', async () => {
  const alice = await feedOf('alice@acme.test');
  const offered = nextEvent<CallOffered>(alice, 'call:offered');
  const phone1001 = await phone('1001', 'answer');
  const { result } = await startCaller({
    runDir: world.sip.runDir,
    number: SALES,
    from: '+447700900301',
    kamailioPort: world.sip.sipPort,
    durationS: 6,
    name: 'forged-bye-caller',
  });
  const { sipCallId } = await offered;
  const answered = await eventually(
    () => phone1001.answered[0],
    (a) => a !== undefined,
  );
  const fromTag = /;tag=([^;>\s]+)/.exec(header(answered!.invite, 'from') ?? '')![1]!;
  await eventually(history, (h) => h.find((c) => c.id === sipCallId)?.state === 'answered');

  // 1. Known Call-ID, invented tags, the old ;vn=1;rtpe=1 Route params: from a local UDP process and a WebSocket.
  const local = await udp('127.0.0.1');
  const bye1 = forged('BYE', {
    uri: 'sip:1001@127.0.0.1',
    via: local.via(),
    callId: sipCallId,
    route: `<sip:127.0.0.1:${world.sip.sipPort};lr;vn=1;rtpe=1>`,
  });
  await local.send(bye1.raw, world.sip.sipPort);
  expect((await local.finalFor(sipCallId)).status).toBe(481);
  // 2. The real tags (a colleague who was rung knows the caller's), sent by someone who is not a party.
  const colleague = await ws(world.h.origin);
  const bye2 = forged('BYE', {
    uri: 'sip:1001@127.0.0.1',
    via: 'SIP/2.0/WS x.invalid;branch=z9hG4bKbye2;rport',
    callId: sipCallId,
    from: `<${header(answered!.invite, 'from')!.replace(/^.*<([^>]+)>.*$/, '$1')}>`,
    fromTag,
    toTag: answered!.toTag,
    route: `<sip:127.0.0.1:${world.sip.wsPort};transport=ws;lr;vn=1;rtpe=1>`,
    cseq: 99,
  });
  colleague.send(bye2.raw);
  const reply2 = await colleague.next((m) => (m.status ?? 0) >= 200 && header(m, 'call-id') === sipCallId);
  expect(reply2.status).toBe(403);

  expect(phone1001.seen.filter((m) => m.method === 'BYE')).toEqual([]);
  expect((await history()).find((c) => c.id === sipCallId)).toMatchObject({
    state: 'answered',
    answeredBy: { name: 'Alice Agent' },
  });

  const call = await result;
  expect(call.endedBy).toBe('caller');
  expect(
    await eventually(history, (h) => h.find((c) => c.id === sipCallId)?.state === 'ended').then((h) =>
      h.find((c) => c.id === sipCallId),
    ),
  ).toMatchObject({
    state: 'ended',
    outcomeReason: 'Caller hung up',
  });
});

test("the hook token never appears in Kamailio's log, even when a hook fails and Kamailio logs its URL", async () => {
  // A Kamailio whose companion refuses connections: every hook fails, and libcurl's warning prints the URL.
  const lonely = await startTestSipStack({ secret: world.sip.secret, hookUrl: 'http://127.0.0.1:9' });
  try {
    const call = await placeCall({
      runDir: lonely.runDir,
      number: SALES,
      from: '+447700900302',
      kamailioPort: lonely.sipPort,
      name: 'lonely-caller',
    });
    expect(call.finalCode).toBe(503);
    const log = await eventually(
      () => readFileSync(join(lonely.runDir, 'kamailio.log'), 'utf8'),
      (l) => l.includes('call event'),
    );
    expect(log).toContain('127.0.0.1:9/internal/sip/route');
    expect(log).not.toContain(hookToken(world.sip.secret));
  } finally {
    await lonely.stop();
  }
  expect(readFileSync(join(world.sip.runDir, 'kamailio.log'), 'utf8')).not.toContain(hookToken(world.sip.secret));
});

test('a party that reconnected on a new WebSocket may end its call once that socket registered as it; a stranger may not', async () => {
  const alice = await phone('1001', 'answer');
  const bob = await phone('1002', 'answer');
  const call = await bob.client.invite({
    from: '1002',
    target: `sip:1001@${world.sip.domain}`,
    domain: world.sip.domain,
    credentials: creds('1002'),
  });
  expect(call.reply.status).toBe(200);
  const { invite, toTag } = alice.answered.at(-1)!;
  // Alice's side of the dialog, as her browser holds it: the BYE goes to Bob's contact along the Record-Route set.
  const bye = (cseq: number) =>
    buildMessage(`BYE ${uriOf(header(invite, 'contact') ?? '')} SIP/2.0`, [
      ['Via', `SIP/2.0/WS re${cseq}.invalid;branch=z9hG4bKre${cseq}${randomToken(4)};rport`],
      ['Max-Forwards', '70'],
      ...headerAll(invite, 'record-route').map((r): [string, string] => ['Route', r]),
      ['From', `${header(invite, 'to')};tag=${toTag}`],
      ['To', header(invite, 'from') ?? ''],
      ['Call-ID', header(invite, 'call-id') ?? ''],
      ['CSeq', `${cseq} BYE`],
    ]);
  const finalOn = (c: WsSipClient, cseq: number) =>
    c.next((m) => (m.status ?? 0) >= 200 && header(m, 'cseq') === `${cseq} BYE`);

  const stranger = await ws(world.h.origin);
  stranger.send(bye(20));
  expect((await finalOn(stranger, 20)).status).toBe(403);

  const again = await ws(world.h.origin);
  expect(
    (await again.register({ extension: '1001', domain: world.sip.domain, credentials: creds('1001') })).status,
  ).toBe(200);
  again.send(bye(21));
  expect((await finalOn(again, 21)).status).toBe(200);
  expect(bob.seen.filter((m) => m.method === 'BYE')).toHaveLength(1);
});
