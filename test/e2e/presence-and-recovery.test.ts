import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let supervisor: Agent;
let alice: Agent;
let bob: Agent;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-tones-'));
  writeToneWav(join(dir, 'tone.wav'), 440);
  stack = await startE2eStack();
  const mic = { micWav: join(dir, 'tone.wav') };
  [supervisor, alice, bob] = await Promise.all([launchAgent(mic), launchAgent(mic), launchAgent(mic)]);
  await Promise.all([
    signInAndRegister(supervisor.page, stack.url, 'supervisor@acme.test').then(() =>
      openScreen(supervisor.page, 'Team'),
    ),
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([supervisor?.close(), alice?.close(), bob?.close()]);
  await stack?.stop();
});

/** What the supervisor's team board says of one agent, waited for. */
const board = (staffId: string, state: string, timeout = 15_000) =>
  supervisor.page.locator(`tr[data-staff="${staffId}"] [data-presence="${state}"]`).waitFor({ timeout });

test('the supervisor watches presence live: available, away, do not disturb, on a call, offline when a tab closes', async () => {
  await board('staff-alice', 'available');
  await board('staff-bob', 'available');
  await board('staff-carol', 'offline');

  await alice.page.getByRole('radio', { name: 'Away' }).click();
  await board('staff-alice', 'away');
  await alice.page.getByRole('radio', { name: 'Do not disturb' }).click();
  await board('staff-alice', 'dnd');
  await alice.page.getByRole('radio', { name: 'Available' }).click();
  await board('staff-alice', 'available');

  await alice.page.getByLabel('Number or extension').fill('1002');
  await alice.page.getByRole('button', { name: 'Call', exact: true }).click();
  await board('staff-bob', 'ringing');
  await bob.page.getByRole('button', { name: 'Answer' }).click();
  await board('staff-alice', 'on-call');
  await board('staff-bob', 'on-call');
  await bob.page.getByRole('button', { name: 'Hang up' }).click();
  await board('staff-alice', 'available');

  // Closing the tab: offline within 10 s (the board is read with that timeout).
  await bob.page.close({ runBeforeUnload: false });
  await board('staff-bob', 'offline', 10_000);
});

async function waitForText(page: Page, pattern: RegExp, timeout = 30_000) {
  await page.getByText(pattern).first().waitFor({ timeout });
}

test('Kamailio down: the phone says so in words and re-registers by itself when it returns', async () => {
  await stack.stopPart('kamailio');
  await waitForText(alice.page, /SIP server unreachable|Connection lost/);
  await alice.page.locator('[data-registration="registered"]').waitFor({ state: 'detached' });
  await board('staff-alice', 'offline');

  await stack.startPart('kamailio');
  await alice.page.locator('[data-registration="registered"]').waitFor({ timeout: 30_000 });
  await board('staff-alice', 'available');
});

test('companion down: the app says so in words and reconnects by itself when it returns', async () => {
  await stack.stopPart('companion');
  await alice.page.locator('[data-feed="disconnected"]').waitFor();
  await waitForText(alice.page, /Switchboard server/);

  await stack.startPart('companion');
  await alice.page.locator('[data-feed="disconnected"]').waitFor({ state: 'detached', timeout: 30_000 });
  // Presence is rebuilt from what the phones report again after the reconnect.
  await board('staff-alice', 'available', 30_000);
});
