import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { navLink, openScreen } from '../support/app-nav';
import { apiAs } from '../support/api-client';
import { signIn, type Harness } from '../support/companion-harness';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';
import { blastAliceBobCarol, COMPANY } from '../support/unknown-callers';

/**
 * Background events the agent cannot miss, end to end: sipp (the phone network) calls the company number from an
 * unknown number while Alice works on Contacts; nobody answers, and her navigation's Unknown callers count goes up
 * with a toast whose Open takes her there. Then the companion goes away: a banner stays while the live feed is down,
 * and toasts say it was lost and that it is back.
 */
const PORTS = { http: 19580, hook: 19581, sip: 16560, ws: 16566, rtpNg: 23800, rtpMin: 33800, rtpMax: 33899 };
const GATEWAY_PORT = 16590;
let stack: Awaited<ReturnType<typeof startE2eStack>>;
let dir: string;
let alice: Agent;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-events-'));
  writeToneWav(join(dir, 'mic.wav'), 700);
  stack = await startE2eStack(PORTS, { PSTN_GATEWAY: `127.0.0.2:${GATEWAY_PORT}` });
  const site = { url: stack.url, origin: stack.url } as Harness;
  await blastAliceBobCarol(apiAs(site, await signIn(site, 'admin@acme.test')), 5);
  alice = await launchAgent({ micWav: join(dir, 'mic.wav') });
  await signInAndRegister(alice.page, stack.url, 'alice@acme.test');
  await openScreen(alice.page, 'Contacts');
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await alice?.close();
  await stack?.stop();
});

const toast = (page: Page, title: string) =>
  page
    .getByRole('region', { name: /^Notifications/ })
    .getByRole('listitem')
    .filter({ hasText: title });

/** The count on the Unknown callers link (0 when it shows none). */
async function unclaimedCount(page: Page): Promise<number> {
  const badge = navLink(page, 'Unknown callers').locator('[data-count]');
  return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute('data-count'));
}

test('on Contacts, a missed unknown caller raises the Unknown callers count and a toast; Open goes to the screen', async () => {
  const page = alice.page;
  await page.getByRole('region', { name: 'Contacts' }).waitFor();
  // The count is read once the page holds the list (the demo organisation may already have callers waiting).
  await page.waitForFunction(() => {
    const sb = (window as unknown as { switchboard: { queryClient: { getQueryData(k: string[]): unknown } } })
      .switchboard;
    return sb.queryClient.getQueryData(['notifications']) !== undefined;
  });
  const before = await unclaimedCount(page);
  const { leg, result } = await startCaller({
    runDir: dir,
    number: COMPANY.number,
    from: '+447911127001',
    kamailioPort: PORTS.sip,
    durationS: 1,
  });
  legs.push(leg);

  const missed = toast(page, 'Missed call from 07911 127001');
  await missed.waitFor({ timeout: 30_000 });
  expect(await missed.textContent()).toContain('Acme company number: unclaimed');
  expect(await missed.locator('.toast-tone').textContent()).toBe('Info');
  await expect.poll(() => unclaimedCount(page)).toBe(before + 1);
  const named = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: `Unknown callers, ${before + 1} unclaimed`, exact: true });
  expect(await named.count()).toBe(1);
  expect((await result).finalCode).toBe(480);
  expect(await page.title()).toMatch(/^Contacts/);

  await missed.getByRole('button', { name: 'Open' }).click();
  await page.waitForFunction(() => document.title.startsWith('Unknown callers'));
  await page.locator('.unknown-callers .unknown-caller', { hasText: '07911 127001' }).waitFor();
  await missed.waitFor({ state: 'detached' });
});

test('the companion going away: a banner stays while the live feed is down; toasts say it was lost and is back', async () => {
  const page = alice.page;
  const banner = page.locator('[data-feed-banner="disconnected"]');
  expect(await banner.count()).toBe(0);

  await stack.stopPart('companion');
  await banner.waitFor();
  expect(await banner.textContent()).toContain('Live updates lost.');
  const lost = toast(page, 'Live updates lost');
  await lost.waitFor();
  expect(await lost.locator('.toast-tone').textContent()).toBe('Problem');

  await stack.startPart('companion');
  await banner.waitFor({ state: 'detached', timeout: 30_000 });
  await toast(page, 'Live updates are back').waitFor();
  expect(await lost.count()).toBe(0);
});
