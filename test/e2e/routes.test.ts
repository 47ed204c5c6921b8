import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { currentCallId, launchAgent, type Agent } from '../support/agent-browser';
import { apiAs } from '../support/api-client';
import { openScreen, openTeamScreen } from '../support/app-nav';
import { listen } from '../support/audio-probe';
import { signIn, type Harness } from '../support/companion-harness';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

/**
 * The app's URLs in real Chromium on the real stack: deep links survive sign-in, Back and Forward move between
 * screens, and the phone lives across them: a call from the phone network (sipp on 127.0.0.2) goes on while the
 * admin opens the admin console, the board and contacts, and a call rings and is answered on an admin page.
 */
const PORTS = { http: 19380, hook: 19381, sip: 16360, ws: 16366, rtpNg: 23600, rtpMin: 33600, rtpMax: 33699 };
const SALES = '+442071234567';
const CALLER_HZ = 1000;
const ADMIN_HZ = 700;

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let dir: string;
let admin: Agent;
let alice: Agent;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-routes-'));
  writeToneWav(join(dir, 'admin.wav'), ADMIN_HZ);
  stack = await startE2eStack(PORTS);
  // Sales rings the admin only: the calls below come to the person who can open every screen.
  const site = { url: stack.url, origin: stack.url } as Harness;
  const api = apiAs(site, await signIn(site, 'admin@acme.test'));
  const number = await api.get('/api/numbers/num-sales');
  const saved = await api.put('/api/numbers/num-sales/routing', {
    ...number.body.routing,
    rule: {
      kind: 'alternative',
      destinations: [{ destination: { kind: 'staff', staffId: 'staff-admin' }, ringTimeoutSeconds: 30 }],
    },
    noAnswer: { failSafeNumber: null },
    sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  [admin, alice] = await Promise.all([
    launchAgent({ micWav: join(dir, 'admin.wav') }),
    launchAgent({ micWav: join(dir, 'admin.wav') }),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await Promise.allSettled([admin?.close(), alice?.close()]);
  await stack?.stop();
});

const pathOf = (page: Page) => new URL(page.url()).pathname;
const card = (page: Page) => page.getByRole('region', { name: /^Incoming call from / });

/** Opens `path` in a fresh load, signed out: the sign-in screen, then the page. */
async function signInAt(page: Page, path: string, email: string) {
  await page.goto(`${stack.url}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('switchboard');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-registration="registered"]').waitFor({ timeout: 30_000 });
}

/** The phone network calls Sales (ringing the admin) and stays on the line `durationS` after the answer. */
async function salesCall(from: string, durationS: number) {
  const { leg, result } = await startCaller({
    runDir: dir,
    number: SALES,
    from,
    kamailioPort: PORTS.sip,
    frequency: CALLER_HZ,
    durationS,
  });
  legs.push(leg);
  return { leg, result };
}

/** The admin hears the caller's tone on `callId` (listens again while the media settles). */
async function hearsCaller(callId: string) {
  let heard = await listen(admin.page, callId);
  for (let i = 0; i < 8 && Math.abs(heard.peakHz - CALLER_HZ) > 15; i++) heard = await listen(admin.page, callId);
  expect(Math.abs(heard.peakHz - CALLER_HZ)).toBeLessThan(15);
}

test("a deep link to a number's admin page opens that page after sign-in, and again after a reload", async () => {
  const page = admin.page;
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : undefined));
  await signInAt(page, '/admin/numbers/num-sales', 'admin@acme.test');
  await page.getByRole('region', { name: 'Basic information' }).waitFor();
  expect(pathOf(page)).toBe('/admin/numbers/num-sales');
  expect(await page.title()).toBe('Number · Switchboard');
  // The admin console shows no dialer.
  expect(await page.getByRole('form', { name: 'Dialer' }).count()).toBe(0);
  await page.reload();
  await page.getByRole('region', { name: 'Basic information' }).waitFor();
  expect(pathOf(page)).toBe('/admin/numbers/num-sales');
});

test('Back and Forward move between the screens, each at its own URL', async () => {
  const page = admin.page;
  await openScreen(page, 'Contacts');
  await page.getByLabel('Search contacts').waitFor();
  await openScreen(page, 'Calls');
  await page.getByRole('region', { name: 'Call history' }).waitFor();
  await openTeamScreen(page, 'Board');
  await page.getByRole('region', { name: 'Team presence' }).waitFor();
  expect(pathOf(page)).toBe('/team');

  await page.goBack();
  await page.getByRole('region', { name: 'Call history' }).waitFor();
  expect(pathOf(page)).toBe('/calls');
  await page.goBack();
  await page.getByLabel('Search contacts').waitFor();
  expect(pathOf(page)).toBe('/contacts');
  await page.goBack();
  await page.getByRole('region', { name: 'Basic information' }).waitFor();
  expect(pathOf(page)).toBe('/admin/numbers/num-sales');
  await page.goForward();
  await page.getByLabel('Search contacts').waitFor();
  expect(pathOf(page)).toBe('/contacts');
  expect(await page.getByRole('link', { name: 'Contacts' }).getAttribute('aria-current')).toBe('page');
});

test('an agent on an admin link is told it is not allowed and finds the way home; an unknown path is not found', async () => {
  const page = alice.page;
  await signInAt(page, '/admin/numbers/num-sales', 'alice@acme.test');
  await page.getByRole('heading', { name: 'You can’t open this page' }).waitFor();
  expect(await page.getByText('Number is for admins only.', { exact: false }).count()).toBe(1);
  expect(await page.getByRole('region', { name: 'Basic information' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Admin console' }).count()).toBe(0);
  await page.getByRole('link', { name: 'Go to your phone' }).click();
  await page.getByLabel('Number or extension').waitFor();
  expect(pathOf(page)).toBe('/');

  await page.goto(`${stack.url}/team`);
  await page.getByRole('heading', { name: 'You can’t open this page' }).waitFor();
  await page.goto(`${stack.url}/no/such/page`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByText('/no/such/page').waitFor();
});

test('a call from the phone network goes on while the admin opens the admin console, the board and contacts', async () => {
  const page = admin.page;
  await openScreen(page, 'Keypad');
  const { leg, result } = await salesCall('+447700900701', 120);
  await card(page).getByRole('button', { name: 'Answer' }).click();
  await page.locator('[data-status="active"]').waitFor();
  await leg.waitFor('answered');
  const callId = await currentCallId(page);
  await hearsCaller(callId);

  // Every kind of screen, by link and by Back: the call stays in the dock, the same call, still talking.
  const visits: Array<[string, () => Promise<unknown>]> = [
    ['/admin/numbers', () => openScreen(page, 'Admin console')],
    ['/admin/numbers/num-sales', () => page.locator('tr[data-number="num-sales"]').getByRole('button').click()],
    ['/team', () => openScreen(page, 'Team')],
    ['/contacts', () => openScreen(page, 'Contacts')],
    ['/team', () => page.goBack()],
    ['/admin/numbers/num-sales', () => page.goBack()],
    ['/', () => openScreen(page, 'Keypad')],
  ];
  for (const [path, go] of visits) {
    const before = leg.rtp.stats.received;
    await go();
    await expect.poll(() => pathOf(page)).toBe(path);
    const panel = page.locator(`[data-call-id="${callId}"][data-status="active"]`);
    await panel.waitFor();
    // The far end still gets the admin's audio, and nobody has sent a BYE.
    await expect.poll(() => leg.rtp.stats.received, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(leg.events().some((e) => e.name === 'ended')).toBe(false);
  }
  expect(await currentCallId(page)).toBe(callId);
  await hearsCaller(callId);
  expect(leg.rtp.toneShare(ADMIN_HZ)).toBeGreaterThan(0.5);

  await page.locator(`[data-call-id="${callId}"]`).getByRole('button', { name: 'Hang up' }).click();
  const r = await result;
  expect(r.finalCode).toBe(200);
  expect(r.endedBy).toBe('callee');
});

test('a call rings while the admin is on an admin page and is answered there', async () => {
  const page = admin.page;
  await page.locator('.presence-picker [data-presence="available"]').waitFor();
  await openScreen(page, 'Admin console');
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Staff' }).click();
  await expect.poll(() => pathOf(page)).toBe('/admin/staff');
  const { leg, result } = await salesCall('+447700900702', 60);
  await card(page).waitFor({ timeout: 15_000 });
  expect(await card(page).getByTestId('called-number').textContent()).toContain('Sales line');
  await card(page).getByRole('button', { name: 'Answer' }).click();
  await page.locator('[data-status="active"]').waitFor();
  await leg.waitFor('answered');
  expect(pathOf(page)).toBe('/admin/staff');
  // Still the Staff page, with the call beside it.
  await page.getByRole('region', { name: 'Admin console' }).waitFor();
  await hearsCaller(await currentCallId(page));

  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await result).endedBy).toBe('callee');
});
