import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeCall } from '../../scripts/sipp/caller';
import { startGateway } from './sip-support/scenario-kit';
import {
  depositThroughHook,
  hookHeaders,
  signIn,
  toneWav,
  startVoicemailWorld,
  until,
  type VoicemailWorld,
} from './voicemail-support/voicemail-world';

/**
 * When voicemail cannot work: the service is down (health says so; calls fall to the fail-safe or are
 * missed), the disk refuses the file (no row without a file), and senders that are not ours.
 */

let w: VoicemailWorld;
let admin: string;
const BOOKINGS = { id: 'num-bookings', e164: '+442071234569' };

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${w.h.url}${path}`, {
    method,
    headers: { cookie: admin, origin: w.h.origin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

async function setFailSafe(number: string | null) {
  const current = (await api('GET', `/api/numbers/${BOOKINGS.id}`)).json as { routing: Record<string, unknown> };
  expect(
    (
      await api('PUT', `/api/numbers/${BOOKINGS.id}/routing`, {
        ...current.routing,
        noAnswer: { failSafeNumber: number },
      })
    ).status,
  ).toBe(200);
}

const health = async () => {
  const res = await fetch(`${w.h.url}/healthz`);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; checks: Record<string, { up: boolean; detail?: string }> },
  };
};

beforeAll(async () => {
  w = await startVoicemailWorld({ env: { KAMAILIO_WS_PORT: '0', VOICEMAIL_MAX_SECONDS: '10' } });
  // (Kamailio's health is not what this file is about: it checks the voicemail entry only.)
  admin = await signIn(w.h, 'admin@acme.test');
});

afterAll(async () => {
  await w?.stop();
});

test('an INVITE sent to the voicemail service by anyone but Kamailio is refused (403) and answers nothing else', async () => {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  const port = socket.address().port;
  const reply = new Promise<string>((resolve) =>
    socket.on('message', (m) => {
      if (!m.toString().startsWith('SIP/2.0 100')) resolve(m.toString());
    }),
  );
  const invite = [
    `INVITE sip:vm-${BOOKINGS.id}@127.0.0.1:${w.vmPort} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKforged1;rport`,
    'Max-Forwards: 70',
    '<sip:+447700900999@127.0.0.1>;tag=forged'.replace(/^/, 'From: '),
    `To: <sip:vm-${BOOKINGS.id}@127.0.0.1:${w.vmPort}>`,
    'Call-ID: forged-invite-1',
    'CSeq: 1 INVITE',
    `Contact: <sip:attacker@127.0.0.1:${port}>`,
    'Content-Type: application/sdp',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  socket.send(invite, w.vmPort, '127.0.0.1');
  expect(await reply).toMatch(/^SIP\/2\.0 403/);
  socket.close();
  expect(w.vm.logTail(50)).toContain('only the SIP proxy may call voicemail');
});

test('the voicemail hooks need the hook token, on the loopback hook listener only', async () => {
  expect(
    (await fetch(`${w.h.url}/internal/voicemail/boxes/${BOOKINGS.id}`, { headers: hookHeaders(w.secret) })).status,
    'not on the public listener',
  ).toBe(404);
  const q = new URLSearchParams({
    boxId: BOOKINGS.id,
    callId: 'x',
    caller: '+447700900111',
    startedAt: '1',
    soundMs: '5000',
  });
  const res = await fetch(`${w.h.hookUrl}/internal/voicemail/messages?${q}`, { method: 'POST', body: 'RIFF' });
  expect(res.status).toBe(403);
  expect(
    (
      await fetch(`${w.h.hookUrl}/internal/voicemail/boxes/${BOOKINGS.id}`, {
        headers: { 'x-hook-token': 'wrong-token-000000000' },
      })
    ).status,
  ).toBe(403);
});

test('a message with under a second of sound is a hang-up: nothing is stored', async () => {
  const before = w.h.repos.voicemail.listBoxes('org-demo', [BOOKINGS.id]).length;
  const q = new URLSearchParams({
    boxId: BOOKINGS.id,
    callId: 'short-1',
    caller: '+447700900111',
    startedAt: String(Date.now()),
    soundMs: '600',
  });
  const res = await fetch(`${w.h.hookUrl}/internal/voicemail/messages?${q}`, {
    method: 'POST',
    headers: hookHeaders(w.secret),
    body: new Blob([toneWav(440, 0.6).slice()]),
  });
  expect(await res.json()).toMatchObject({ stored: false });
  expect(w.h.repos.voicemail.listBoxes('org-demo', [BOOKINGS.id]).length).toBe(before);
});

test('a message reaching the maximum length (10 s here) is cut there and the caller hung up on', async () => {
  const before = new Set(w.h.repos.voicemail.listBoxes('org-demo', [BOOKINGS.id]).map((m) => m.id));
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: BOOKINGS.e164,
    from: '+447700900125',
    kamailioPort: w.sip.sipPort,
    durationS: 40,
    frequency: 440,
    name: 'vm-long-caller',
  });
  expect(call.endedBy).toBe('callee');
  let added: { durationMs: number } | undefined;
  await until(
    () =>
      (added = w.h.repos.voicemail.listBoxes('org-demo', [BOOKINGS.id]).find((m) => !before.has(m.id))) !== undefined,
    5000,
    'the message is stored',
  );
  expect(Math.abs(added!.durationMs - 10_000)).toBeLessThanOrEqual(700);
});

test('a disk write failure leaves neither a row nor a file', async () => {
  const dir = join(w.h.repos.db.name, '..', 'voicemail', 'messages');
  mkdirSync(dir, { recursive: true });
  const blocked = join(dir, 'org-demo');
  rmSync(blocked, { recursive: true, force: true });
  writeFileSync(blocked, 'not a directory');
  const before = w.h.repos.voicemail.listBoxes('org-demo', [BOOKINGS.id]).length;
  const res = await depositThroughHook(w, BOOKINGS.id);
  expect(res.status).toBe(500);
  expect(w.h.repos.voicemail.listBoxes('org-demo', [BOOKINGS.id]).length, 'no row').toBe(before);
  rmSync(blocked);
  expect(existsSync(blocked) ? readdirSync(blocked) : [], 'no file').toEqual([]);
  const ok = await depositThroughHook(w, BOOKINGS.id);
  expect(ok.body.stored, 'once the disk is writable again').toBe(true);
  expect(readdirSync(blocked)).toEqual([`${ok.body.id}.wav`]);
});

test('the voicemail service down: /healthz says so; the call rings the fail-safe number, or without one is missed', async () => {
  expect((await health()).body.checks.voicemail).toEqual({ up: true });
  await w.vm.stop();
  const down = await health();
  expect(down.status).toBe(503);
  expect(down.body.checks.voicemail?.up).toBe(false);
  await until(() => !w.h.voicemail.isUp(), 10_000, 'the companion notices the service is down');

  const missed = await placeCall({
    runDir: w.sip.runDir,
    number: BOOKINGS.e164,
    from: '+447700900321',
    kamailioPort: w.sip.sipPort,
    durationS: 1,
    name: 'vm-down-missed',
  });
  expect(missed.finalCode, 'missed').toBe(480);

  await setFailSafe('+442079460999');
  const gateway = await startGateway(w.sip, w.gatewayPort);
  try {
    const rescued = await placeCall({
      runDir: w.sip.runDir,
      number: BOOKINGS.e164,
      from: '+447700900322',
      kamailioPort: w.sip.sipPort,
      durationS: 1,
      name: 'vm-down-failsafe',
    });
    expect(rescued.finalCode, 'the fail-safe answered').toBe(200);
    expect(gateway.invitedCalls()).toContain(rescued.callId);
  } finally {
    await gateway.stop();
    await setFailSafe(null);
  }
  await w.startService();
  expect((await health()).body.checks.voicemail).toEqual({ up: true });
});
