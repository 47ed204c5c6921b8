import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { currentCallId, dropWebSocket, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { listen } from '../support/audio-probe';
import { E2E_PORTS, startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const ALICE_HZ = 700;
const BOB_HZ = 1300;
/** Within two FFT bins (5.9 Hz each at 48 kHz / 8192) of the sent tone. */
const near = (hz: number) => ({ asymmetricMatch: (v: number) => Math.abs(v - hz) < 15, toString: () => `~${hz} Hz` });

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let bob: Agent;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-tones-'));
  writeToneWav(join(dir, 'alice.wav'), ALICE_HZ);
  writeToneWav(join(dir, 'bob.wav'), BOB_HZ);
  stack = await startE2eStack();
  [alice, bob] = await Promise.all([
    launchAgent({ micWav: join(dir, 'alice.wav') }),
    launchAgent({ micWav: join(dir, 'bob.wav') }),
  ]);
  await Promise.all([
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([alice?.close(), bob?.close()]);
  await stack?.stop();
});

async function placeCall(from: Page, to: Page, extension: string) {
  await from.getByLabel('Number or extension').fill(extension);
  await from.getByRole('button', { name: 'Call', exact: true }).click();
  await to.getByRole('button', { name: 'Answer' }).click();
  await from.locator('[data-status="active"]').waitFor();
  await to.locator('[data-status="active"]').waitFor();
  return { fromId: await currentCallId(from), toId: await currentCallId(to) };
}

/** Waits until what `page` hears matches, listening again a few times (media takes a moment to settle). */
async function hearUntil(page: Page, callId: string, ok: (h: Awaited<ReturnType<typeof listen>>) => boolean) {
  let last = await listen(page, callId);
  for (let i = 0; i < 8 && !ok(last); i++) last = await listen(page, callId);
  return last;
}

/** The call's own panel says it ended, and why (other ended calls may still be on screen). */
const endedWith = (page: Page, callId: string, why: string) =>
  page.locator(`[data-call-id="${callId}"]`).getByText(why).waitFor();

const hearsTone = (hz: number) => (h: { peakHz: number; rms: number }) => Math.abs(h.peakHz - hz) < 15 && h.rms > 0.01;
const silent = (h: { rms: number }) => h.rms < 0.003;

test('two agents call each other and each hears the other; mute, hold, resume and hang up behave', async () => {
  const { fromId: aliceCall, toId: bobCall } = await placeCall(alice.page, bob.page, '1002');

  const bobHears = await hearUntil(bob.page, bobCall, hearsTone(ALICE_HZ));
  const aliceHears = await hearUntil(alice.page, aliceCall, hearsTone(BOB_HZ));
  expect(bobHears.peakHz).toEqual(near(ALICE_HZ));
  expect(bobHears.bandShare).toBeGreaterThan(0.9);
  expect(aliceHears.peakHz).toEqual(near(BOB_HZ));
  expect(aliceHears.bandShare).toBeGreaterThan(0.9);

  // Mute silences the sender only.
  await alice.page.getByRole('button', { name: 'Mute' }).click();
  expect(silent(await hearUntil(bob.page, bobCall, silent))).toBe(true);
  expect((await hearUntil(alice.page, aliceCall, hearsTone(BOB_HZ))).peakHz).toEqual(near(BOB_HZ));
  await alice.page.getByRole('button', { name: 'Unmute' }).click();
  expect((await hearUntil(bob.page, bobCall, hearsTone(ALICE_HZ))).peakHz).toEqual(near(ALICE_HZ));

  // Hold stops media both ways; resume restores it.
  await bob.page.getByRole('button', { name: 'Hold', exact: true }).click();
  await bob.page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
  expect(silent(await hearUntil(alice.page, aliceCall, silent))).toBe(true);
  expect(silent(await hearUntil(bob.page, bobCall, silent))).toBe(true);
  await bob.page.getByRole('button', { name: 'Resume', exact: true }).click();
  await bob.page.getByRole('button', { name: 'Hold', exact: true }).waitFor();
  expect((await hearUntil(alice.page, aliceCall, hearsTone(BOB_HZ))).peakHz).toEqual(near(BOB_HZ));
  expect((await hearUntil(bob.page, bobCall, hearsTone(ALICE_HZ))).peakHz).toEqual(near(ALICE_HZ));

  // Hang up ends both sides.
  await alice.page.getByRole('button', { name: 'Hang up' }).click();
  await endedWith(alice.page, aliceCall, 'You hung up');
  await endedWith(bob.page, bobCall, 'The other party hung up');
});

test('a WebSocket drop mid-call is survived: the phone re-registers and both ends can still hang up', async () => {
  const { fromId: bobCall, toId: aliceCall } = await placeCall(bob.page, alice.page, '1001');
  expect((await hearUntil(alice.page, aliceCall, hearsTone(BOB_HZ))).peakHz).toEqual(near(BOB_HZ));

  expect(await dropWebSocket(alice.page, E2E_PORTS.ws)).toBe(1);
  await alice.page.locator('[data-registration="connecting"]').waitFor();
  await alice.page.locator('[data-registration="registered"]').waitFor({ timeout: 30_000 });
  // Audio still flows (media never used the dropped socket), and the far end can end the call.
  expect((await hearUntil(alice.page, aliceCall, hearsTone(BOB_HZ))).peakHz).toEqual(near(BOB_HZ));
  await bob.page.getByRole('button', { name: 'Hang up' }).click();
  await endedWith(alice.page, aliceCall, 'The other party hung up');
  expect(bobCall).toBeTruthy();

  // And the other direction: a fresh call after another drop, ended by the agent who dropped.
  const again = await placeCall(alice.page, bob.page, '1002');
  expect(await dropWebSocket(alice.page, E2E_PORTS.ws)).toBe(1);
  await alice.page.locator('[data-registration="connecting"]').waitFor();
  await alice.page.locator('[data-registration="registered"]').waitFor({ timeout: 30_000 });
  await alice.page.getByRole('button', { name: 'Hang up' }).click();
  await endedWith(bob.page, again.toId, 'The other party hung up');
});
