import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeCall } from '../../scripts/sipp/caller';
import { toneShare } from '../../scripts/sipp/pcmu';
import {
  depositThroughHook,
  dtmfPcap,
  startVoicemailWorld,
  type VoicemailWorld,
} from './voicemail-support/voicemail-world';

/**
 * The voice portal on real parts: sipp (the phone network) dials *98 followed by the main number, enters
 * the PIN by RFC 4733 telephone events, and hears the main number's new messages in order, oldest first.
 * Three wrong PINs end the call. (The right PIN is the default, stored as "no hash": see pin-repo.)
 */

let w: VoicemailWorld;
const MAIN = { id: 'num-main', portal: '*98442079460001' };
const FIRST_HZ = 880;
const SECOND_HZ = 660;

beforeAll(async () => {
  w = await startVoicemailWorld();
  const now = Date.now();
  expect(
    (await depositThroughHook(w, MAIN.id, { hz: FIRST_HZ, seconds: 2, startedAt: now - 60_000 })).body.stored,
  ).toBe(true);
  expect(
    (await depositThroughHook(w, MAIN.id, { hz: SECOND_HZ, seconds: 2, startedAt: now - 30_000 })).body.stored,
  ).toBe(true);
});

afterAll(async () => {
  await w?.stop();
});

/** Where (in ms of received audio) a 500 ms stretch is mostly `hz`; undefined when none is. */
function whereHeard(audio: Buffer, hz: number): number | undefined {
  for (let at = 0; at + 4000 <= audio.length; at += 800) {
    if (toneShare(audio.subarray(at, at + 4000), hz) > 0.8) return at / 8;
  }
  return undefined;
}

const unheard = () => w.h.repos.voicemail.unheard('org-demo', MAIN.id).length;

test('three wrong PINs: the portal hangs up and plays nothing', async () => {
  const pcap = dtmfPcap(
    w.sip.runDir,
    'wrong-pins',
    [1500, 9000, 16500].map((atMs) => ({ atMs, digits: '1234#' })),
    60_000,
  );
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: MAIN.portal,
    from: '+447700900777',
    kamailioPort: w.sip.sipPort,
    durationS: 40,
    pcap,
    name: 'portal-wrong',
  });
  expect(call.finalCode).toBe(200);
  expect(call.endedBy, 'the portal ended the call').toBe('callee');
  const audio = call.leg.rtp.stats.audio;
  expect(audio.length, 'prompts were spoken').toBeGreaterThan(8000 * 3);
  expect(whereHeard(audio, FIRST_HZ)).toBeUndefined();
  expect(whereHeard(audio, SECOND_HZ)).toBeUndefined();
  expect(unheard()).toBe(2);
});

test('the right PIN plays the new messages in order and marks them heard', async () => {
  const pcap = dtmfPcap(w.sip.runDir, 'right-pin', [{ atMs: 1500, digits: '0000#' }], 60_000);
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: MAIN.portal,
    from: '+447700900777',
    kamailioPort: w.sip.sipPort,
    durationS: 40,
    pcap,
    name: 'portal-right',
  });
  expect(call.finalCode).toBe(200);
  expect(call.endedBy, 'the portal said goodbye and hung up').toBe('callee');
  const audio = call.leg.rtp.stats.audio;
  const first = whereHeard(audio, FIRST_HZ);
  const second = whereHeard(audio, SECOND_HZ);
  console.log(`[voicemail] portal: first message heard at ${first} ms, second at ${second} ms of the call's audio`);
  expect(first, 'the older message played').toBeDefined();
  expect(second, 'the newer message played').toBeDefined();
  expect(first!).toBeLessThan(second!);
  expect(unheard()).toBe(0);
});

test('a portal call for a number that is not a main number is told so and ended', async () => {
  const pcap = dtmfPcap(w.sip.runDir, 'no-box', [{ atMs: 1500, digits: '0000#' }], 60_000);
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: '*98442071234567',
    from: '+447700900777',
    kamailioPort: w.sip.sipPort,
    durationS: 30,
    pcap,
    name: 'portal-no-box',
  });
  expect(call.finalCode).toBe(200);
  expect(call.endedBy).toBe('callee');
});

test('a PIN the admin set is checked against its hash: the default no longer opens the box, the new PIN does', async () => {
  const { signIn } = await import('./voicemail-support/voicemail-world');
  const admin = await signIn(w.h, 'admin@acme.test');
  const set = await fetch(`${w.h.url}/api/numbers/${MAIN.id}/main/pin`, {
    method: 'POST',
    headers: { cookie: admin, origin: w.h.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ pin: '4321' }),
  });
  expect(set.status).toBe(200);
  expect(w.h.repos.pins.hashOf(MAIN.id)).not.toContain('4321');
  expect((await depositThroughHook(w, MAIN.id, { hz: FIRST_HZ, seconds: 2 })).body.stored).toBe(true);
  const pcap = dtmfPcap(
    w.sip.runDir,
    'new-pin',
    [
      { atMs: 1500, digits: '0000#' },
      { atMs: 9000, digits: '4321#' },
    ],
    60_000,
  );
  const call = await placeCall({
    runDir: w.sip.runDir,
    number: MAIN.portal,
    from: '+447700900777',
    kamailioPort: w.sip.sipPort,
    durationS: 40,
    pcap,
    name: 'portal-new-pin',
  });
  expect(call.endedBy).toBe('callee');
  expect(
    whereHeard(call.leg.rtp.stats.audio, FIRST_HZ),
    'the message played after the second, right PIN',
  ).toBeDefined();
  expect(w.vm.logTail(200)).toMatch(new RegExp(`${call.callId}: portal: wrong PIN \\(attempt 1 of 3\\)`));
  expect(unheard()).toBe(0);
});

test('from the phone network, *98 without a main number (or with junk after it) is refused by Kamailio: 404', async () => {
  for (const number of ['*98', '*98abc']) {
    const call = await placeCall({
      runDir: w.sip.runDir,
      number,
      from: '+447700900777',
      kamailioPort: w.sip.sipPort,
      durationS: 1,
      name: `portal-refused-${number.length}`,
    });
    expect(call.finalCode, number).toBe(404);
  }
});
