import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CallHistoryItem } from '../../../src/common/calls';
import { mintEphemeralCredentials } from '../../../src/server/auth/ephemeral-credentials';
import { ctlSocketPath } from '../../../scripts/stack/kamailio';
import { seedOrganisation } from '../../../src/server/seed/seed';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../../support/companion-harness';
import { untilRegistered } from '../../support/registration';
import { freePort } from './ports';
import { buildMessage, digestAuthorization, header, randomToken, type SipMessage } from './sip-message';
import { GATEWAY_HOST, startTestSipStack, type TestSipStack } from './test-stack';
import { UdpSipClient } from './udp-sip-client';
import { WEBRTC_SDP, WsSipClient } from './ws-sip-client';

/**
 * The world of the SIP attack tests: the real companion (Acme, the demo organisation, and Globex, a second
 * one), Kamailio and rtpengine trusting exactly the gateway at GATEWAY_HOST, and a UDP socket standing in
 * for that gateway that records everything Kamailio sends it.
 */
export const SECRET = 'sip-attacks-secret-0123456789';
export const SALES = '+442071234567';
export const world = {} as {
  h: Harness;
  sip: TestSipStack;
  gateway: UdpSipClient;
  gatewayPort: number;
  runDir: string;
};
const open: Array<() => unknown> = [];

export function useSecurityWorld(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    world.gatewayPort = await freePort();
    world.runDir = mkdtempSync(join(tmpdir(), 'switchboard-sip-'));
    const pstnGateway = `${GATEWAY_HOST}:${world.gatewayPort}`;
    world.h = await startSeededCompanion({
      SIP_AUTH_SECRET: SECRET,
      PSTN_GATEWAY: pstnGateway,
      KAMAILIO_CTL_SOCKET: ctlSocketPath(world.runDir),
      ...env,
    });
    await seedOrganisation(world.h.repos, {
      org: { id: 'org-globex', name: 'Globex' },
      password: 'globex-password-1',
      staff: [
        { id: 'gx-admin', name: 'Gina Globex', email: 'gina@globex.test', role: 'admin', extension: '2000' },
        { id: 'gx-agent', name: 'Gus Globex', email: 'gus@globex.test', role: 'agent', extension: '2001' },
      ],
      numbers: [],
      itemTypes: [],
      contacts: [],
    });
    world.sip = await startTestSipStack({
      secret: SECRET,
      hookUrl: world.h.hookUrl,
      pstnGateway,
      publicOrigins: [world.h.origin],
      runDir: world.runDir,
    });
    world.gateway = await UdpSipClient.open(GATEWAY_HOST, world.gatewayPort);
  });
  afterAll(async () => {
    for (const close of open.splice(0)) await close();
    await world.gateway?.close();
    await world.sip?.stop();
    await world.h?.stop();
  });
}

export const creds = (extension: string) => mintEphemeralCredentials(SECRET, extension, 600, Date.now());

export async function ws(origin?: string): Promise<WsSipClient> {
  const c = await WsSipClient.connect(world.sip.wsUrl, { origin });
  open.push(() => c.close());
  return c;
}

export async function udp(host = '127.0.0.1'): Promise<UdpSipClient> {
  const c = await UdpSipClient.open(host);
  open.push(() => c.close());
  return c;
}

/** An agent as its browser would be: feed open and phone reported registered (available for routing). */
export async function feedOf(email: string, password?: string): Promise<TestFeed> {
  const feed = openFeed(world.h, { cookie: await signIn(world.h, email, password), origin: world.h.origin });
  open.push(() => feed.disconnect());
  await nextEvent(feed, 'presence:snapshot');
  await new Promise((r) => feed.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, r));
  return feed;
}

/** The tags and Call-ID of the dialog an agent phone answered. */
export type Answered = { invite: SipMessage; toTag: string };

/**
 * A registered WebSocket phone for `extension`. 'answer': 180 then 200 (a WebRTC answer); 'ring': 180 only,
 * and 487 when cancelled. Every request it receives is in `seen`; BYEs are accepted.
 */
export async function phone(extension: string, behaviour: 'answer' | 'ring' = 'answer') {
  const client = await ws();
  const reg = await client.register({ extension, domain: world.sip.domain, credentials: creds(extension) });
  if (reg.status !== 200) throw new Error(`${extension} could not register: ${reg.status}`);
  await untilRegistered(world.h, extension);
  const seen: SipMessage[] = [];
  const answered: Answered[] = [];
  client.onRequest = (req) => {
    seen.push(req);
    const toTag = `t${extension}`;
    if (req.method === 'INVITE') {
      client.send(client.reply(req, 180, 'Ringing', toTag));
      if (behaviour === 'answer') {
        const mid = /a=mid:(\S+)/.exec(req.body)?.[1] ?? '0';
        client.send(
          client.reply(
            req,
            200,
            'OK',
            toTag,
            WEBRTC_SDP.replace('a=mid:0', `a=mid:${mid}`).replace('BUNDLE 0', `BUNDLE ${mid}`),
          ),
        );
        answered.push({ invite: req, toTag });
      } else {
        pendingInvite = req;
      }
    } else if (req.method === 'CANCEL') {
      client.send(client.reply(req, 200, 'OK'));
      if (pendingInvite) client.send(client.reply(pendingInvite, 487, 'Request Terminated', toTag));
    } else if (req.method === 'BYE' || req.method === 'MESSAGE' || req.method === 'OPTIONS') {
      client.send(client.reply(req, 200, 'OK'));
    }
  };
  let pendingInvite: SipMessage | undefined;
  return { client, seen, answered, extension };
}

/** A request as an attacker writes it: any From, any tags, any Route, no credentials. */
export function forged(
  method: string,
  opts: {
    uri: string;
    via: string;
    callId?: string;
    fromTag?: string;
    toTag?: string;
    route?: string;
    from?: string;
    cseq?: number;
    sdp?: boolean;
    extra?: Array<[string, string]>;
  },
) {
  const callId = opts.callId ?? randomToken(8);
  const headers: Array<[string, string]> = [
    ['Via', opts.via],
    ['Max-Forwards', '70'],
    ...(opts.route ? ([['Route', opts.route]] as Array<[string, string]>) : []),
    ['From', `${opts.from ?? '"Your Bank" <sip:+18005550199@127.0.0.1>'};tag=${opts.fromTag ?? randomToken(4)}`],
    ['To', `<${opts.uri}>${opts.toTag === '' ? '' : `;tag=${opts.toTag ?? randomToken(4)}`}`],
    ['Call-ID', callId],
    ['CSeq', `${opts.cseq ?? 7} ${method}`],
    ['P-Asserted-Identity', '<sip:+18005550199@127.0.0.1>'],
    ['Contact', '<sip:attacker@127.0.0.1:5099>'],
    ...(opts.extra ?? []),
    ...(opts.sdp ? ([['Content-Type', 'application/sdp']] as Array<[string, string]>) : []),
  ];
  return { callId, raw: buildMessage(`${method} ${opts.uri} SIP/2.0`, headers, opts.sdp ? WEBRTC_SDP : '') };
}

export async function history(cookie?: string): Promise<CallHistoryItem[]> {
  const c = cookie ?? (await signIn(world.h, 'admin@acme.test'));
  return (await fetch(`${world.h.url}/api/calls?limit=500`, { headers: { cookie: c } })).json();
}

export async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const callIdOf = (m: SipMessage) => header(m, 'call-id') ?? '';

/**
 * An out-of-dialog request from an agent's WebSocket (MESSAGE, OPTIONS, ...), answering the 407 with its
 * credentials as sip.js does. Resolves with the final response.
 */
export async function agentRequest(
  client: WsSipClient,
  opts: { method: string; from: string; target: string; body?: string },
): Promise<SipMessage> {
  const callId = randomToken(8);
  const fromTag = randomToken(4);
  const build = (cseq: number, auth?: string) =>
    buildMessage(
      `${opts.method} ${opts.target} SIP/2.0`,
      [
        ['Via', `SIP/2.0/WS ${randomToken(4)}.invalid;branch=z9hG4bK${randomToken(8)};rport`],
        ['Max-Forwards', '70'],
        ['From', `<sip:${opts.from}@${world.sip.domain}>;tag=${fromTag}`],
        ['To', `<${opts.target}>`],
        ['Call-ID', callId],
        ['CSeq', `${cseq} ${opts.method}`],
        ...(opts.body ? ([['Content-Type', 'text/plain']] as Array<[string, string]>) : []),
        ...(auth ? ([['Proxy-Authorization', auth]] as Array<[string, string]>) : []),
      ],
      opts.body ?? '',
    );
  const final = (cseq: number) =>
    client.next(
      (m) =>
        (m.status ?? 0) >= 200 && header(m, 'call-id') === callId && header(m, 'cseq')?.startsWith(`${cseq} `) === true,
    );
  client.send(build(1));
  let reply = await final(1);
  if (reply.status === 407) {
    const auth = digestAuthorization(header(reply, 'proxy-authenticate') ?? '', {
      ...creds(opts.from),
      method: opts.method,
      uri: opts.target,
    });
    client.send(build(2, auth));
    reply = await final(2);
  }
  return reply;
}
