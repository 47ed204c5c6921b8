import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller, type CallResult } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 19080, sip: 16060, ws: 16066, rtpNg: 23300, rtpMin: 32700, rtpMax: 32799 };
/** Long enough that only Ready can end it within the test. */
const WRAP_UP_SECONDS = 600;
const SALES = '+442071234567';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let bob: Agent;
let supervisor: Agent;
let dir: string;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-wrapup-'));
  writeToneWav(join(dir, 'tone.wav'), 700);
  stack = await startE2eStack(PORTS, {}, { wrapUpSeconds: WRAP_UP_SECONDS });
  const mic = { micWav: join(dir, 'tone.wav') };
  [alice, bob, supervisor] = await Promise.all([launchAgent(mic), launchAgent(mic), launchAgent(mic)]);
  await Promise.all([
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
    signInAndRegister(supervisor.page, stack.url, 'supervisor@acme.test').then(() =>
      openScreen(supervisor.page, 'Team'),
    ),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await Promise.allSettled([alice?.close(), bob?.close(), supervisor?.close()]);
  await stack?.stop();
});

/** A phone-network caller (sipp) dialling the Sales line, whose first destination is Alice, then Bob or Carol. */
async function callSales(
  from: string,
  opts: { durationS?: number; cancelAfterMs?: number },
): Promise<{ result: Promise<CallResult> }> {
  const { leg, result } = await startCaller({
    runDir: dir,
    number: SALES,
    from,
    kamailioPort: PORTS.sip,
    frequency: 1000,
    durationS: opts.durationS ?? 60,
    cancelAfterMs: opts.cancelAfterMs,
  });
  legs.push(leg);
  return { result };
}

const card = (page: Page) => page.getByRole('region', { name: /^Incoming call from / });
const mine = (page: Page, state: string) =>
  page.locator(`.presence-picker [data-presence="${state}"]`).waitFor({ timeout: 15_000 });
const onBoard = (staffId: string, state: string) =>
  supervisor.page.locator(`tr[data-staff="${staffId}"] [data-presence="${state}"]`).waitFor({ timeout: 15_000 });

test('after a call the agent wraps up: the next call passes them over until they press Ready, and the board shows it', async () => {
  await onBoard('staff-alice', 'available');
  const { result: first } = await callSales('+447700900510', { durationS: 1 });
  await card(alice.page).getByRole('button', { name: 'Answer' }).click();
  expect((await first).finalCode).toBe(200);

  await mine(alice.page, 'wrap-up');
  await onBoard('staff-alice', 'wrap-up');
  await expect.poll(() => alice.page.getByLabel('Wrap-up time left').textContent()).toMatch(/^\d+:\d\d$/);

  // Alice is first on the Sales line, but wrapping up: the call goes on to Bob and never rings her.
  const { result: second } = await callSales('+447700900520', { cancelAfterMs: 6000 });
  await card(bob.page).waitFor({ timeout: 15_000 });
  expect(await card(alice.page).count()).toBe(0);
  expect((await second).finalCode).toBe(487);
  expect(await card(alice.page).count()).toBe(0);
  await mine(alice.page, 'wrap-up');

  await alice.page.getByRole('button', { name: 'Ready' }).click();
  await mine(alice.page, 'available');
  await onBoard('staff-alice', 'available');
  // Bob took no call, so he was never in wrap-up; Alice rings again now.
  await onBoard('staff-bob', 'available');
  const { result: third } = await callSales('+447700900530', { cancelAfterMs: 4000 });
  await card(alice.page).waitFor({ timeout: 15_000 });
  expect((await third).finalCode).toBe(487);
});
