import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { openNumber } from '../support/admin-numbers-page';
import { openAdminTab } from '../support/admin-org-page';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen, openTeamScreen, type Screen } from '../support/app-nav';
import { startE2eStack } from '../support/e2e-stack';
import { dialogsOutside, fitAt, topBarHeightAt } from '../support/page-fit';
import { writeToneWav } from '../support/tone-wav';

/**
 * Every screen in real Chromium from 360 px up: the page never scrolls sideways (a wide table scrolls inside its
 * own box), and the top bar stays at most two short rows on a phone-sized screen. A failure names what is too wide.
 */
const PORTS = { http: 19580, sip: 16560, ws: 16566, rtpNg: 23800, rtpMin: 33800, rtpMax: 33899 };
const NARROW = [360, 420];
const TOP_BAR_MAX = 96;

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let agent: Agent;
let dir: string;
const legs: SippLeg[] = [];
const page = (): Page => agent.page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-narrow-'));
  writeToneWav(join(dir, 'tone.wav'), 700);
  stack = await startE2eStack(PORTS);
  agent = await launchAgent({ micWav: join(dir, 'tone.wav') });
  await page().setViewportSize({ width: 420, height: 800 });
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await agent?.close();
  await stack?.stop();
});

/** Until the screen's data has arrived: no "Loading…" left in it. */
const loaded = () =>
  page().waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? 'Loading'));

/** At 360 and 420 px the page does not scroll sideways (soft: every screen is measured, every misfit named). */
async function expectFits(screen: string) {
  for (const width of NARROW) {
    const fit = await fitAt(page(), width);
    expect.soft(fit.sideways, `${screen} at ${width} px scrolls ${fit.sideways} px sideways; ${fit.culprit}`).toBe(0);
  }
}

/** As expectFits, and the signed-in top bar is at most TOP_BAR_MAX px tall at 420 px. */
async function expectCompact(screen: string) {
  await expectFits(screen);
  const height = await topBarHeightAt(page(), 420);
  expect.soft(height, `the top bar on ${screen} at 420 px is ${height} px tall`).toBeLessThanOrEqual(TOP_BAR_MAX);
}

/** A dialog opened on a narrow screen lies inside it, and the page behind it does not scroll sideways. */
async function expectDialogFits(dialog: string) {
  for (const width of NARROW) {
    await fitAt(page(), width);
    expect.soft(await dialogsOutside(page()), `${dialog} at ${width} px`).toEqual([]);
  }
  await expectFits(dialog);
}

async function signInAs(email: string) {
  await page().context().clearCookies();
  await signInAndRegister(page(), stack.url, email);
}

test('the sign-in screen fits', async () => {
  await page().goto(stack.url);
  await page().getByLabel('Email').waitFor();
  await expectFits('sign-in');
});

test("every agent screen fits, with a short top bar; the account's actions fold behind Account", async () => {
  await signInAs('alice@acme.test');
  const screens: Screen[] = ['Keypad', 'Contacts', 'Calls', 'Voicemail', 'Unknown callers'];
  for (const screen of screens) {
    await openScreen(page(), screen);
    await page().locator('main .panel').first().waitFor();
    await loaded();
    await expectCompact(`agent: ${screen}`);
  }
  await openScreen(page(), 'Contacts');
  await page().locator('.contact-results button').first().click();
  await page().waitForFunction(() => document.title.startsWith('Contact ·'));
  await loaded();
  await expectCompact('agent: a contact');

  // Below 640 px who is signed in, registration and presence stay in the bar; the rest is one click away.
  await fitAt(page(), 360);
  const bar = page().locator('header.topbar');
  await bar.locator('[data-registration="registered"]').waitFor();
  await bar.getByRole('radio', { name: 'Do not disturb' }).waitFor();
  expect(await bar.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
  const account = bar.getByRole('button', { name: 'Account' });
  await account.click();
  expect(await account.getAttribute('aria-expanded')).toBe('true');
  await bar.getByRole('button', { name: 'Sign out' }).waitFor();
  await expectFits('agent: Account opened');

  await bar.getByRole('button', { name: 'Change password' }).click();
  await page().getByRole('dialog', { name: 'Change password' }).waitFor();
  await expectDialogFits('the change password dialog');
  await page().keyboard.press('Escape');
  await page().getByRole('dialog').waitFor({ state: 'detached' });
  await bar.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page().getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await expectDialogFits('the keyboard shortcuts dialog');
  await page().keyboard.press('Escape');
  await page().getByRole('dialog').waitFor({ state: 'detached' });
  // Focus goes back to the button that opened it (a moment after the dialog has gone); Escape there folds them.
  await page().waitForFunction(() => document.activeElement?.textContent === 'Keyboard shortcuts');
  await page().keyboard.press('Escape');
  expect(await account.getAttribute('aria-expanded')).toBe('false');
  expect(await bar.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);

  // At 1280 px the bar is one row: the account's actions stay behind Account until the screen is wide enough for all.
  await fitAt(page(), 1280);
  const middles = await bar.evaluate((el) =>
    [...el.querySelectorAll('button, select, strong, [data-registration]')]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => Math.round(r.top + r.height / 2)),
  );
  expect(middles.length).toBeGreaterThan(3);
  expect(Math.max(...middles) - Math.min(...middles), `top bar rows at 1280 px: ${middles}`).toBeLessThanOrEqual(4);
  await fitAt(page(), 360);

  await page().goto(`${stack.url}/admin/staff`);
  await page().getByRole('heading', { name: 'You can’t open this page' }).waitFor();
  await expectCompact('not allowed');
  await page().goto(`${stack.url}/no-such-page`);
  await page().getByRole('heading', { name: 'Page not found' }).waitFor();
  await expectCompact('not found');
});

test('a ringing call fits on the keypad and on another screen', async () => {
  await page().goto(stack.url);
  await page().locator('[data-registration="registered"]').waitFor({ timeout: 30_000 });
  const { leg } = await startCaller({
    runDir: dir,
    number: '+442071234567',
    from: '+447700900610',
    kamailioPort: PORTS.sip,
    frequency: 1000,
    durationS: 30,
    cancelAfterMs: 8000,
  });
  legs.push(leg);
  const card = page().getByRole('region', { name: /^Incoming call from / });
  await card.waitFor();
  await expectFits('agent: Keypad with a ringing call');
  await openScreen(page(), 'Voicemail');
  await card.waitFor();
  await expectFits('agent: Voicemail with a ringing call');
  await card.waitFor({ state: 'detached', timeout: 20_000 });
});

test("the team's board and its other screens fit", async () => {
  await signInAs('supervisor@acme.test');
  await openScreen(page(), 'Team');
  await page().getByRole('region', { name: 'Team presence' }).waitFor();
  await loaded();
  await expectCompact('team: Board');
  for (const screen of ['All unknown callers', 'Who would ring?'] as const) {
    await openTeamScreen(page(), screen);
    await page().locator('main .panel').first().waitFor();
    await loaded();
    await expectCompact(`team: ${screen}`);
  }
});

/** Opens every settings section of the page (they start closed), so all their fields are measured. */
const openAllSections = () =>
  page().$$eval('main details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));

test("every admin console section and a number's page fit, with their settings sections open", async () => {
  await signInAs('admin@acme.test');
  for (const tab of ['Numbers', 'Company number', 'Main number', 'Greetings', 'Staff', 'Presence', 'Contacts']) {
    await openAdminTab(page(), tab);
    await page().getByRole('region', { name: 'Admin console' }).waitFor();
    await loaded();
    await expectCompact(`admin: ${tab}`);
    await openAllSections();
    await expectFits(`admin: ${tab}, every section open`);
    if (tab === 'Main number') {
      // A confirmation (the other kind of dialog): asked, measured, cancelled.
      await page()
        .getByRole('region', { name: 'Voicemail PIN' })
        .getByRole('button', { name: 'Reset to default' })
        .click();
      await page().getByRole('alertdialog', { name: 'Reset the voicemail PIN?' }).waitFor();
      await expectDialogFits('the reset PIN confirmation');
      await page().getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await page().getByRole('alertdialog').waitFor({ state: 'detached' });
    }
  }
  // One number of each routing rule: alternative, percentage, by time.
  for (const id of ['num-sales', 'num-support', 'num-hours']) {
    await openNumber(page(), id);
    await loaded();
    await expectCompact(`admin: number page ${id}`);
    await openAllSections();
    await expectFits(`admin: number page ${id}, every section open`);
  }
});
