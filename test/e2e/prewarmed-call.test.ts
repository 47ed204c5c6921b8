import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startGateway, type Gateway } from '../../scripts/sipp/gateway';
import { toneShare } from '../../scripts/sipp/pcmu';
import { currentCallId, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { signOutFromBar } from '../support/app-nav';
import { listen } from '../support/audio-probe';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

/**
 * Calls on a pre-warmed connection (the offer made and its candidates gathered before the click, the
 * microphone kept open while available) still carry audio both ways through rtpengine to the phone network,
 * each call on a connection of its own; Away and sign-out let the microphone go.
 */

const PORTS = { http: 19480, hook: 19481, sip: 16460, ws: 16466, rtpNg: 23700, rtpMin: 33700, rtpMax: 33799 };
const GATEWAY_PORT = 16490;
const GATEWAY_HZ = 800;
const ALICE_HZ = 1000;
const CUSTOMER = '+447911123477';

type PrewarmState = { pool: string; micHeld: boolean; warmCalls: number };

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let gateway: Gateway;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-prewarm-'));
  writeToneWav(join(dir, 'alice.wav'), ALICE_HZ);
  stack = await startE2eStack(PORTS, { PSTN_GATEWAY: `127.0.0.2:${GATEWAY_PORT}` });
  gateway = await startGateway({
    runDir: dir,
    host: '127.0.0.2',
    port: GATEWAY_PORT,
    ringMs: 300,
    calls: 10,
    frequency: GATEWAY_HZ,
  });
  alice = await launchAgent({ micWav: join(dir, 'alice.wav') });
  await signInAndRegister(alice.page, stack.url, 'alice@acme.test');
});

afterAll(async () => {
  await gateway?.leg.stop();
  await alice?.close();
  await stack?.stop();
});

const prewarm = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { switchboard: { phone: { prewarmState(): PrewarmState } } }
    ).switchboard.phone.prewarmState(),
  );

async function hearUntil(page: Page, callId: string, ok: (h: Awaited<ReturnType<typeof listen>>) => boolean) {
  let last = await listen(page, callId);
  for (let i = 0; i < 8 && !ok(last); i++) last = await listen(page, callId);
  return last;
}
const hearsGateway = (h: { peakHz: number; rms: number }) => Math.abs(h.peakHz - GATEWAY_HZ) < 15 && h.rms > 0.01;

/** One call to the customer from the dialer; returns what the gateway heard of it and whether Alice heard it. */
async function callCustomer(page: Page) {
  const before = gateway.leg.rtp.audio().length;
  const ended = gateway.leg.events().filter((e) => e.name === 'ended').length;
  await page.getByLabel('Number or extension').fill(CUSTOMER);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await page.locator('[data-status="active"]').waitFor({ timeout: 20_000 });
  const callId = await currentCallId(page);
  const heard = await hearUntil(page, callId, hearsGateway);
  // Let the far end hear us for a moment before hanging up.
  await expect.poll(() => gateway.leg.rtp.audio().length - before, { timeout: 10_000 }).toBeGreaterThan(8000);
  await page.locator(`[data-call-id="${callId}"]`).getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect.poll(() => gateway.leg.events().filter((e) => e.name === 'ended').length).toBe(ended + 1);
  return { heard, gatewayHeard: toneShare(gateway.leg.rtp.audio().subarray(before), ALICE_HZ) };
}

test('signed in and available: the microphone is held and a connection is ready before any click', async () => {
  await expect.poll(() => prewarm(alice.page), { timeout: 15_000 }).toMatchObject({ pool: 'ready', micHeld: true });
});

test('two calls, each on its own pre-warmed connection, carry audio both ways through rtpengine to sipp', async () => {
  const first = await callCustomer(alice.page);
  expect(hearsGateway(first.heard)).toBe(true);
  expect(first.gatewayHeard).toBeGreaterThan(0.5);
  expect((await prewarm(alice.page)).warmCalls).toBe(1);

  // The next one is built after the first was taken; never the same connection twice.
  await expect.poll(() => prewarm(alice.page), { timeout: 15_000 }).toMatchObject({ pool: 'ready' });
  const second = await callCustomer(alice.page);
  expect(second.gatewayHeard).toBeGreaterThan(0.5);
  expect((await prewarm(alice.page)).warmCalls).toBe(2);
});

test('a network change replaces the ready connection, and the call on the new one still carries audio', async () => {
  await expect.poll(() => prewarm(alice.page), { timeout: 15_000 }).toMatchObject({ pool: 'ready' });
  await alice.page.evaluate(() => window.dispatchEvent(new Event('online')));
  expect((await prewarm(alice.page)).pool).toBe('building');
  await expect.poll(() => prewarm(alice.page), { timeout: 15_000 }).toMatchObject({ pool: 'ready' });
  const call = await callCustomer(alice.page);
  expect(call.gatewayHeard).toBeGreaterThan(0.5);
  expect((await prewarm(alice.page)).warmCalls).toBe(3);
});

test('Away lets the microphone go, Available takes it again, sign-out lets it go', async () => {
  await alice.page.getByRole('radio', { name: 'Away' }).click();
  await expect.poll(() => prewarm(alice.page)).toMatchObject({ pool: 'off', micHeld: false });
  await alice.page.getByRole('radio', { name: 'Available' }).click();
  await expect.poll(() => prewarm(alice.page), { timeout: 15_000 }).toMatchObject({ pool: 'ready', micHeld: true });
  await signOutFromBar(alice.page);
  await alice.page.getByLabel('Email').waitFor();
  await expect.poll(() => prewarm(alice.page)).toMatchObject({ pool: 'off', micHeld: false });
});
