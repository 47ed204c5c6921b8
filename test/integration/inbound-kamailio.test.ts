import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CallHistoryItem } from '../../src/common/calls';
import { mintEphemeralCredentials } from '../../src/server/auth/ephemeral-credentials';
import { kamcmd } from '../../scripts/stack/kamcmd';
import { startAgent } from '../../scripts/sipp/agent';
import { placeCall, startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';
import { untilRegistered } from '../support/registration';
import { freePort } from './sip-support/ports';
import { runSipp } from './sip-support/sipp';
import { GATEWAY_HOST, startTestSipStack, type TestSipStack } from './sip-support/test-stack';

/**
 * Calls from the phone network (sipp) to virtual numbers through the real Kamailio and rtpengine, routed by
 * the real companion; agents are sipp phones registered with ephemeral credentials.
 */

const SECRET = 'inbound-secret-0123456789abcdef';
const SALES = '+442071234567';
const BOOKINGS = '+442071234569';
const MAIN = '+442079460001';

const legs: SippLeg[] = [];
afterAll(async () => {
  await Promise.all(legs.map((l) => l.stop()));
});

async function registeredAgent(sip: TestSipStack, extension: string): Promise<number> {
  const port = await freePort();
  const credentials = mintEphemeralCredentials(sip.secret, extension, 600, Date.now());
  const code = await runSipp({
    runDir: sip.runDir,
    name: `register-${extension}-${port}`,
    scenario: 'register',
    remotePort: sip.sipPort,
    localPort: port,
    keys: { sb_ext: extension, sb_domain: sip.domain },
    auth: credentials,
  });
  expect(code).toBe(0);
  return port;
}

/** A fresh phone for the extension: contacts left by earlier tests' phones are removed first. */
/** The companion of the running describe block, when there is one (it learns registrations from Kamailio). */
let companion: Harness | undefined;
async function agentPhone(sip: TestSipStack, extension: string, behaviour: 'answer' | 'busy' | 'ring', ringMs = 200) {
  await kamcmd(sip.runDir, 'ul.rm', 'location', `s:${extension}`);
  const localPort = await registeredAgent(sip, extension);
  if (companion) await untilRegistered(companion, extension);
  const leg = await startAgent({
    runDir: sip.runDir,
    localPort,
    behaviour,
    ringMs,
    name: `agent-${extension}-${behaviour}-${localPort}`,
  });
  legs.push(leg);
  return leg;
}

const withoutPin = ({ pinIsDefault: _pin, ...main }: Record<string, unknown>) => main;

/** rtpengine's ports for these tests: what the legs must see as their far end. */
const isRtpenginePort = (port: number) => port >= 40000 && port < 60000;

describe('with the companion', () => {
  let h: Harness;
  let sip: TestSipStack;
  const feeds: TestFeed[] = [];
  let adminCookie: string;
  let gateway: number;

  beforeAll(async () => {
    gateway = await freePort();
    h = await startSeededCompanion({
      SIP_AUTH_SECRET: SECRET,
      SIP_DOMAIN: '127.0.0.1',
      PSTN_GATEWAY: `${GATEWAY_HOST}:${gateway}`,
    });
    companion = h;
    sip = await startTestSipStack({ secret: SECRET, hookUrl: h.hookUrl, pstnGateway: `${GATEWAY_HOST}:${gateway}` });
    adminCookie = await signIn(h, 'admin@acme.test');
  });

  afterAll(async () => {
    for (const f of feeds) f.disconnect();
    companion = undefined;
    await sip?.stop();
    await h?.stop();
  });

  /** The agent's browser is on the feed with a registered phone: available for routing. */
  async function available(email: string) {
    const feed = openFeed(h, { cookie: await signIn(h, email), origin: h.origin });
    feeds.push(feed);
    await nextEvent(feed, 'presence:snapshot');
    await new Promise((r) => feed.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, r));
  }

  async function setRouting(numberId: string, rule: unknown) {
    const current = await (
      await fetch(`${h.url}/api/numbers/${numberId}`, { headers: { cookie: adminCookie } })
    ).json();
    const res = await fetch(`${h.url}/api/numbers/${numberId}/routing`, {
      method: 'PUT',
      headers: { cookie: adminCookie, origin: h.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ ...current.routing, rule }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  async function history(callId: string): Promise<CallHistoryItem | undefined> {
    const all: CallHistoryItem[] = await (
      await fetch(`${h.url}/api/calls`, { headers: { cookie: adminCookie } })
    ).json();
    return all.find((c) => c.id === callId);
  }

  async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > deadline) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  test('a call to a virtual number rings the agent the companion chose; audio flows both ways through rtpengine', async () => {
    await available('alice@acme.test');
    const alice = await agentPhone(sip, '1001', 'answer', 300);
    const call = await placeCall({
      runDir: sip.runDir,
      number: SALES,
      from: '+447700900201',
      kamailioPort: sip.sipPort,
      durationS: 2,
    });

    expect(call.finalCode).toBe(200);
    expect(call.exitCode).toBe(0);
    const invite = alice.event('invite')!;
    expect(invite.args[3]).toMatch(/^sip:1001@127\.0\.0\.1:\d+/);
    // The lookup and the relay take milliseconds; ringing then lasts the agent's 300 ms.
    expect(invite.at - call.invitedAt!).toBeLessThan(500);
    expect(call.answeredAt! - invite.at).toBeGreaterThanOrEqual(250);
    expect(call.endedBy).toBe('caller');
    expect(await alice.done).toBe(0);

    // Both legs see rtpengine, not each other: plain RTP/AVP on both sides.
    expect(invite.args[2]).toBe('RTP/AVP');
    expect(isRtpenginePort(Number(invite.args[1]))).toBe(true);
    expect(isRtpenginePort(Number(call.events.find((e) => e.name === 'answered')!.args[2]))).toBe(true);
    // ~2 s of audio each way (50 packets/s), and each side hears the other's tone.
    expect(call.rtp.received).toBeGreaterThan(60);
    expect(alice.rtp.stats.received).toBeGreaterThan(60);
    expect(call.leg.rtp.toneShare(500)).toBeGreaterThan(0.9);
    expect(alice.rtp.toneShare(1000)).toBeGreaterThan(0.9);

    // Kamailio told the companion: answered, then ended by the caller.
    const item = await eventually(
      () => history(call.callId!),
      (c) => c?.state === 'ended',
    );
    expect(item).toMatchObject({ state: 'ended', outcomeReason: 'Caller hung up' });
  });

  test('no answer within the ring timeout: Kamailio asks for the next step and rings the next agent', async () => {
    await setRouting('num-sales', {
      kind: 'alternative',
      destinations: [
        { destination: { kind: 'staff', staffId: 'staff-alice' }, ringTimeoutSeconds: 5 },
        { destination: { kind: 'staff', staffId: 'staff-bob' }, ringTimeoutSeconds: 5 },
      ],
    });
    await available('alice@acme.test');
    await available('bob@acme.test');
    const alice = await agentPhone(sip, '1001', 'ring');
    const bob = await agentPhone(sip, '1002', 'answer', 200);
    const call = await placeCall({
      runDir: sip.runDir,
      number: SALES,
      from: '+447700900202',
      kamailioPort: sip.sipPort,
      durationS: 1,
    });

    expect(call.finalCode).toBe(200);
    const aliceInvite = alice.event('invite')!;
    const aliceCancel = alice.event('cancelled')!;
    const bobInvite = bob.event('invite')!;
    expect(aliceCancel.at - aliceInvite.at).toBeGreaterThan(4800);
    expect(aliceCancel.at - aliceInvite.at).toBeLessThan(6000);
    // The next step follows the timeout at once.
    expect(bobInvite.at - aliceCancel.at).toBeLessThan(500);
    expect(bobInvite.at).toBeGreaterThan(aliceInvite.at);
    expect(await alice.done).toBe(0);
    expect(await bob.done).toBe(0);
    expect(call.rtp.received).toBeGreaterThan(20);
  });

  test('a busy agent: the companion is asked again with 486 and the next agent rings at once', async () => {
    await available('alice@acme.test');
    await available('bob@acme.test');
    const alice = await agentPhone(sip, '1001', 'busy');
    const bob = await agentPhone(sip, '1002', 'answer', 100);
    const call = await placeCall({
      runDir: sip.runDir,
      number: SALES,
      from: '+447700900203',
      kamailioPort: sip.sipPort,
      durationS: 0.5,
    });
    expect(call.finalCode).toBe(200);
    expect(bob.event('invite')!.at - alice.event('invite')!.at).toBeLessThan(500);
  });

  test('an external destination is relayed to the phone-network gateway as the companion wrote it, media via rtpengine', async () => {
    await setRouting('num-sales', {
      kind: 'alternative',
      destinations: [
        {
          destination: { kind: 'external', number: '+442079460123', dialExtension: '204', dialDelaySeconds: 3 },
          ringTimeoutSeconds: 10,
        },
      ],
    });
    const far = await startAgent({
      runDir: sip.runDir,
      localPort: gateway,
      behaviour: 'answer',
      ringMs: 100,
      name: 'gateway',
      host: GATEWAY_HOST,
    });
    legs.push(far);
    const call = await placeCall({
      runDir: sip.runDir,
      number: SALES,
      from: '+447700900209',
      kamailioPort: sip.sipPort,
      durationS: 1,
    });
    expect(call.finalCode).toBe(200);
    const invite = far.event('invite')!;
    expect(invite.args[3]).toBe(`sip:+442079460123@${GATEWAY_HOST}:${gateway};ext=204;ext-delay=3`);
    expect(isRtpenginePort(Number(invite.args[1]))).toBe(true);
    expect(await far.done).toBe(0);
    expect(far.rtp.toneShare(1000)).toBeGreaterThan(0.9);
    expect(call.leg.rtp.toneShare(500)).toBeGreaterThan(0.9);
  });

  test("the companion's reject codes reach the caller", async () => {
    const unknown = await placeCall({ runDir: sip.runDir, number: '+449999999999', kamailioPort: sip.sipPort });
    expect(unknown.finalCode).toBe(404);
    expect(unknown.exitCode).toBe(0);

    const current = await (await fetch(`${h.url}/api/numbers/num-main`, { headers: { cookie: adminCookie } })).json();
    const res = await fetch(`${h.url}/api/numbers/num-main/main`, {
      method: 'PUT',
      headers: { cookie: adminCookie, origin: h.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ ...withoutPin(current.main), state: 'reserved' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const reserved = await placeCall({
      runDir: sip.runDir,
      number: MAIN,
      from: '+447700900204',
      kamailioPort: sip.sipPort,
    });
    expect(reserved.finalCode).toBe(403);
    expect(await history(reserved.callId!)).toMatchObject({ state: 'refused' });
  });

  test('the caller hangs up while it rings: the agent gets the CANCEL and the companion hears of it', async () => {
    await available('carol@acme.test');
    const carol = await agentPhone(sip, '1003', 'ring');
    const { result } = await startCaller({
      runDir: sip.runDir,
      number: BOOKINGS,
      from: '+447700900205',
      kamailioPort: sip.sipPort,
      cancelAfterMs: 500,
    });
    const call = await result;
    expect(call.finalCode).toBe(487);
    expect(call.exitCode).toBe(0);
    expect(await carol.done).toBe(0);
    expect(carol.event('cancelled')!.at - call.ringingAt!).toBeGreaterThan(400);
    const item = await eventually(
      () => history(call.callId!),
      (c) => c?.state === 'missed',
    );
    expect(item).toMatchObject({ state: 'missed', outcomeReason: 'Caller hung up while ringing' });
  });
});

describe('companion unreachable', () => {
  let sip: TestSipStack;
  let silent: Server;
  /** Extra stacks, also stopped here should a test time out before its own `finally`. */
  const extra: TestSipStack[] = [];
  const extraStack = async (hookUrl: string) => {
    const stack = await startTestSipStack({ secret: SECRET, hookUrl });
    extra.push(stack);
    return stack;
  };

  beforeAll(async () => {
    // Accepts connections and never answers: an overloaded or hung companion.
    const port = await freePort();
    silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', r));
    sip = await startTestSipStack({
      secret: SECRET,
      hookUrl: `http://127.0.0.1:${port}`,
      failsafeUri: 'sip:1005@127.0.0.1',
    });
  });

  afterAll(async () => {
    await Promise.all(extra.map((s) => s.stop()));
    await sip?.stop();
    silent?.close();
  });

  test('after ~1 s without an answer the call goes to the fail-safe destination', async () => {
    const failsafe = await agentPhone(sip, '1005', 'answer', 100);
    const call = await placeCall({
      runDir: sip.runDir,
      number: SALES,
      from: '+447700900206',
      kamailioPort: sip.sipPort,
      durationS: 0.5,
    });
    expect(call.finalCode).toBe(200);
    const waited = failsafe.event('invite')!.at - call.invitedAt!;
    expect(waited).toBeGreaterThan(900);
    expect(waited).toBeLessThan(2500);
    expect(call.rtp.received).toBeGreaterThan(5);
  });

  test('without a fail-safe: 503 after ~1 s; six hung lookups at once hold up neither each other nor other calls', async () => {
    const bare = await extraStack(`http://127.0.0.1:${(silent.address() as { port: number }).port}`);
    try {
      const extension = await agentPhone(bare, '1006', 'answer', 100);
      const started = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          startCaller({
            runDir: bare.runDir,
            number: SALES,
            from: `+44770090030${i}`,
            kamailioPort: bare.sipPort,
            name: `hung-${i}`,
          }),
        ),
      );
      await new Promise((r) => setTimeout(r, 200));
      // An extension call while six lookups hang: answered at once (the SIP workers are free).
      const direct = await placeCall({
        runDir: bare.runDir,
        number: '1006',
        kamailioPort: bare.sipPort,
        durationS: 0.2,
      });
      expect(direct.finalCode).toBe(200);
      expect(direct.answeredAt! - direct.invitedAt!).toBeLessThan(500);
      expect(await extension.done).toBe(0);

      const calls = await Promise.all(started.map((s) => s.result));
      for (const call of calls) {
        expect(call.finalCode).toBe(503);
        const final = call.events.find((e) => e.name === 'final')!;
        // Each waited its own ~1 s, in parallel (serialised they would take up to 6 s).
        expect(final.at - call.invitedAt!).toBeGreaterThan(900);
        expect(final.at - call.invitedAt!).toBeLessThan(2500);
      }
      expect(direct.answeredAt!).toBeLessThan(
        Math.min(...calls.map((c) => c.events.find((e) => e.name === 'final')!.at)),
      );
    } finally {
      await bare.stop();
    }
  });

  test('a refused connection to the companion: 503 at once', async () => {
    const bare = await extraStack('http://127.0.0.1:9');
    try {
      const call = await placeCall({ runDir: bare.runDir, number: SALES, kamailioPort: bare.sipPort });
      expect(call.finalCode).toBe(503);
      expect(call.exitCode).toBe(0);
      expect(call.events.find((e) => e.name === 'final')!.at - call.invitedAt!).toBeLessThan(500);
    } finally {
      await bare.stop();
    }
  });
});
