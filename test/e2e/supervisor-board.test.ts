import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registeredContacts } from '../../scripts/stack/kamcmd';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let supervisor: Agent;
let carol: Agent;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-tones-'));
  writeToneWav(join(dir, 'tone.wav'), 440);
  // Other ports than the other e2e files', so a stack left behind by one cannot answer for this one.
  stack = await startE2eStack({
    http: 18980,
    hook: 18981,
    sip: 15960,
    ws: 15966,
    rtpNg: 23200,
    rtpMin: 32800,
    rtpMax: 32899,
  });
  const mic = { micWav: join(dir, 'tone.wav') };
  [supervisor, carol] = await Promise.all([launchAgent(mic), launchAgent(mic)]);
  await Promise.all([
    signInAndRegister(supervisor.page, stack.url, 'supervisor@acme.test'),
    signInAndRegister(carol.page, stack.url, 'carol@acme.test'),
  ]);
  await openScreen(supervisor.page, 'Team');
});

afterAll(async () => {
  await Promise.allSettled([supervisor?.close(), carol?.close()]);
  await stack?.stop();
});

const row = () => supervisor.page.locator('tr[data-staff="staff-carol"]');
const onBoard = (state: string, timeout = 15_000) => row().locator(`[data-presence="${state}"]`).waitFor({ timeout });

test("the agent's own change reaches the board; the supervisor sets them away and signs them out; their day says who did it", async () => {
  await onBoard('available');
  await carol.page.getByRole('radio', { name: 'Do not disturb' }).click();
  await onBoard('dnd');
  await supervisor.page.locator('[data-count="dnd"] strong').getByText('1').waitFor();
  await carol.page.getByRole('radio', { name: 'Available' }).click();
  await onBoard('available');

  await row().getByRole('button', { name: 'Set away' }).click();
  await onBoard('away');
  await carol.page.locator('.presence-picker [data-presence="away"]').waitFor();

  await row().getByRole('button', { name: 'Sign out' }).click();
  await supervisor.page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
  await onBoard('offline', 10_000);
  // Carol's page is back at the sign-in screen, and Kamailio holds no contact for her phone: she cannot be rung.
  await carol.page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
  expect(await registeredContacts(stack.dir, '1003')).toEqual([]);

  await row().getByRole('button', { name: 'Carol Agent' }).click();
  const day = supervisor.page.getByRole('region', { name: "Agent's day" });
  await day.getByText('set by Sam Supervisor').first().waitFor();
  const stretches = day.locator('li[data-state]');
  expect(await stretches.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual([
    'offline',
    'available',
    'dnd',
    'available',
    'away',
    'offline',
  ]);
  const texts = await stretches.allTextContents();
  expect(texts.map((t) => t.includes('set by Sam Supervisor'))).toEqual([false, false, false, false, true, true]);
});
