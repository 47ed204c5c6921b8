import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { currentCallId, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { listen } from '../support/audio-probe';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 18680, sip: 15660, ws: 15666, rtpNg: 22900, rtpMin: 31900, rtpMax: 31999 };
const BOB_HZ = 1300;
const CAROL_HZ = 500;

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let bob: Agent;
let carol: Agent;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-waiting-'));
  writeToneWav(join(dir, 'alice.wav'), 700);
  writeToneWav(join(dir, 'bob.wav'), BOB_HZ);
  writeToneWav(join(dir, 'carol.wav'), CAROL_HZ);
  stack = await startE2eStack(PORTS);
  const mic = (name: string) => ({ micWav: join(dir, `${name}.wav`) });
  [alice, bob, carol] = await Promise.all([
    launchAgent(mic('alice')),
    launchAgent(mic('bob')),
    launchAgent(mic('carol')),
  ]);
  await Promise.all([
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
    signInAndRegister(carol.page, stack.url, 'carol@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([alice?.close(), bob?.close(), carol?.close()]);
  await stack?.stop();
});

const dial = async (page: Page, ext: string) => {
  await page.getByLabel('Number or extension').fill(ext);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
};

/** Listens again a few times until the page hears `hz` on the call (media takes a moment to settle). */
async function hears(page: Page, callId: string, hz: number) {
  let heard = await listen(page, callId);
  for (let i = 0; i < 8 && Math.abs(heard.peakHz - hz) > 15; i++) heard = await listen(page, callId);
  return Math.abs(heard.peakHz - hz) < 15;
}

test('a second call during a call is call waiting; answering it holds the first, which resumes later', async () => {
  await dial(bob.page, '1001');
  await alice.page.getByRole('button', { name: 'Answer' }).click();
  await alice.page.locator('[data-status="active"]').waitFor();
  const withBob = await currentCallId(alice.page);

  await dial(carol.page, '1001');
  const waiting = alice.page.getByRole('region', { name: /^Incoming call from / });
  await waiting.getByRole('heading', { name: 'Call waiting' }).waitFor();
  await waiting.getByRole('button', { name: 'Answer' }).click();

  // Bob is on hold (he is told so); Alice talks to Carol.
  await alice.page.locator(`[data-call-id="${withBob}"][data-status="held"]`).waitFor();
  await bob.page.getByText('Held by the other party').waitFor();
  const withCarol = await alice.page.locator('[data-status="active"]').getAttribute('data-call-id');
  expect(await hears(alice.page, withCarol!, CAROL_HZ)).toBe(true);

  // Carol hangs up; Alice resumes Bob and hears him again.
  await carol.page.getByRole('button', { name: 'Hang up' }).click();
  await alice.page.locator(`[data-call-id="${withBob}"]`).getByRole('button', { name: 'Resume' }).click();
  await alice.page.locator(`[data-call-id="${withBob}"][data-status="active"]`).waitFor();
  expect(await hears(alice.page, withBob, BOB_HZ)).toBe(true);
  await alice.page.locator(`[data-call-id="${withBob}"]`).getByRole('button', { name: 'Hang up' }).click();
  await bob.page.getByText('The other party hung up').waitFor();
});
