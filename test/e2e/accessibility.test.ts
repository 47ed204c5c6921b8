import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { openNumber } from '../support/admin-numbers-page';
import { openAdminTab } from '../support/admin-org-page';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openAccount, openScreen, openTeamScreen, type Screen } from '../support/app-nav';
import { seriousViolations, type AxeFinding } from '../support/axe';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 19180, sip: 16160, ws: 16166, rtpNg: 23400, rtpMin: 32800, rtpMax: 32899 };

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let agent: Agent;
let dir: string;
const legs: SippLeg[] = [];
const findings: AxeFinding[] = [];
/** Screenshots of each screen at both widths, and axe's findings, kept in the run folder for a reviewer. */
const ARTEFACTS = join(process.cwd(), '.run', 'screens');
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 420, height: 800 },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-a11y-'));
  mkdirSync(ARTEFACTS, { recursive: true });
  writeToneWav(join(dir, 'tone.wav'), 700);
  stack = await startE2eStack(PORTS);
  agent = await launchAgent({ micWav: join(dir, 'tone.wav') });
});

afterAll(async () => {
  // The whole list, for a reviewer: every screen checked and what axe found on it.
  writeFileSync(join(ARTEFACTS, 'axe-findings.json'), JSON.stringify(findings, null, 2));
  await Promise.allSettled(legs.map((l) => l.stop()));
  await agent?.close();
  await stack?.stop();
});

/** A fresh sign-in as `email` (the previous person's session dropped with the cookies). */
async function signInAs(email: string) {
  await agent.page.context().clearCookies();
  await signInAndRegister(agent.page, stack.url, email);
}

/** The system's light or dark setting, as Chromium emulates it (the page follows it through CSS alone). */
async function systemScheme(scheme: 'light' | 'dark') {
  await agent.page.emulateMedia({ colorScheme: scheme });
  await agent.page.waitForFunction(
    (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
    scheme === 'dark',
  );
}

/** The page's background colour as the theme sets it. */
const pageBackground = () => agent.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/**
 * axe at each width in the light theme and at the first width in the dark one (the system's setting, which the app
 * follows), with a screenshot of each; what it found in any of them.
 */
async function check(screen: string) {
  const found: AxeFinding[] = [];
  const slug = screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  for (const size of WIDTHS) {
    await agent.page.setViewportSize(size);
    await agent.page.screenshot({ path: join(ARTEFACTS, `${slug}-${size.width}.png`), fullPage: true });
    found.push(...(await seriousViolations(agent.page, `${screen} at ${size.width} px`)));
  }
  await agent.page.setViewportSize(WIDTHS[0]!);
  await systemScheme('dark');
  try {
    await agent.page.screenshot({ path: join(ARTEFACTS, `${slug}-${WIDTHS[0]!.width}-dark.png`), fullPage: true });
    found.push(...(await seriousViolations(agent.page, `${screen} at ${WIDTHS[0]!.width} px, dark`)));
  } finally {
    await systemScheme('light');
  }
  findings.push(...found);
  return found;
}

test('the checker itself finds a real violation (an image without a text alternative)', async () => {
  await agent.page.setContent(
    '<html lang="en"><title>t</title><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>',
  );
  expect((await seriousViolations(agent.page, 'probe')).map((f) => f.id)).toContain('image-alt');
});

test('the sign-in screen has no serious or critical accessibility violation', async () => {
  await agent.page.goto(stack.url);
  await agent.page.getByLabel('Email').waitFor();
  expect(await check('sign-in')).toEqual([]);
});

test('the app follows the system into the dark theme and back (so the dark checks are not of the light page)', async () => {
  await systemScheme('light');
  const light = await pageBackground();
  await systemScheme('dark');
  const dark = await pageBackground();
  await systemScheme('light');
  expect(dark).not.toBe(light);
  expect(await pageBackground()).toBe(light);
  // Darker than mid-grey: the sum of its channels.
  const channels = (c: string) => c.match(/\d+/g)!.slice(0, 3).map(Number);
  expect(channels(dark).reduce((a, b) => a + b)).toBeLessThan(3 * 128);
});

test("the agent's phone, and an incoming call with its reason, have none", async () => {
  await signInAs('alice@acme.test');
  expect(await check('agent phone')).toEqual([]);
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
  const card = agent.page.getByRole('region', { name: /^Incoming call from / });
  await card.waitFor();
  expect(await check('incoming call')).toEqual([]);
  await card.waitFor({ state: 'detached', timeout: 20_000 });
});

test("the agent's own theme choice wins over the system's and is remembered in this browser", async () => {
  await systemScheme('light');
  const light = await pageBackground();
  await openAccount(agent.page);
  await agent.page.getByLabel('Theme').selectOption({ label: 'Dark' });
  const dark = await pageBackground();
  expect(dark).not.toBe(light);
  await agent.page.reload();
  await agent.page.getByRole('button', { name: 'Account', exact: true }).waitFor();
  expect(await pageBackground()).toBe(dark);
  await openAccount(agent.page);
  await agent.page.getByLabel('Theme').selectOption({ label: 'Same as system' });
  expect(await pageBackground()).toBe(light);
});

// That every screen fits from 360 px up is narrow-layout.test.ts's to show.
test("each of the agent's screens has none; so do not found and not allowed", async () => {
  const all: AxeFinding[] = [];
  const screens: Screen[] = ['Contacts', 'Calls', 'Voicemail', 'Unknown callers', 'Keypad'];
  for (const screen of screens) {
    await openScreen(agent.page, screen);
    await agent.page.locator('main .panel').first().waitFor();
    all.push(...(await check(`agent: ${screen}`)));
  }
  await agent.page.goto(`${stack.url}/admin/staff`);
  await agent.page.getByRole('heading', { name: 'You can’t open this page' }).waitFor();
  all.push(...(await check('not allowed')));
  await agent.page.goto(`${stack.url}/no-such-page`);
  await agent.page.getByRole('heading', { name: 'Page not found' }).waitFor();
  all.push(...(await check('not found')));
  expect(all).toEqual([]);
});

test("the supervisor's board and the team's other screens have none", async () => {
  await signInAs('supervisor@acme.test');
  await openScreen(agent.page, 'Team');
  await agent.page.getByRole('region', { name: 'Team presence' }).waitFor();
  const all = await check('supervisor board');
  for (const screen of ['All unknown callers', 'Who would ring?'] as const) {
    await openTeamScreen(agent.page, screen);
    await agent.page.locator('main .panel').first().waitFor();
    all.push(...(await check(`team: ${screen}`)));
  }
  expect(all).toEqual([]);
});

test('every admin console section has none', async () => {
  await signInAs('admin@acme.test');
  const all: AxeFinding[] = [];
  for (const tab of ['Numbers', 'Company number', 'Main number', 'Greetings', 'Staff', 'Presence', 'Contacts']) {
    await openAdminTab(agent.page, tab);
    await agent.page.getByRole('region', { name: 'Admin console' }).waitFor();
    all.push(...(await check(`admin: ${tab}`)));
  }
  await openAdminTab(agent.page, 'Numbers');
  await openNumber(agent.page, 'num-sales');
  all.push(...(await check('admin: number page')));
  expect(all).toEqual([]);
});
