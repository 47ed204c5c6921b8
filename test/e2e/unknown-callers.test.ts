import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { receiveTexts, sendText } from '../../scripts/sipp/texter';
import { freeUdpPort } from '../../scripts/sipp/sipp-leg';
import { dropWebSocket, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { apiAs } from '../support/api-client';
import { signIn, type Harness } from '../support/companion-harness';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';
import { blastAliceBobCarol, COMPANY } from '../support/unknown-callers';

/**
 * Unknown callers end to end: sipp (the phone network, on 127.0.0.2: the gateway address the proxy trusts) calls the company number, three agents in Chromium see the missed call live, race
 * to claim it, turn it into a contact; texts in and out through Kamailio.
 */
const PORTS = { http: 18780, sip: 15760, ws: 15766, rtpNg: 23000, rtpMin: 32600, rtpMax: 32699 };
const GATEWAY_PORT = 15790;
let stack: Awaited<ReturnType<typeof startE2eStack>>;
let dir: string;
const agents: Record<'alice' | 'bob' | 'carol', Agent> = {} as never;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-unknown-'));
  writeToneWav(join(dir, 'mic.wav'), 700);
  stack = await startE2eStack(PORTS, { PSTN_GATEWAY: `127.0.0.2:${GATEWAY_PORT}` });
  const site = { url: stack.url, origin: stack.url } as Harness;
  await blastAliceBobCarol(apiAs(site, await signIn(site, 'admin@acme.test')), 5);
  for (const name of ['alice', 'bob', 'carol'] as const)
    agents[name] = await launchAgent({ micWav: join(dir, 'mic.wav') });
  await Promise.all(
    (['alice', 'bob', 'carol'] as const).map(async (n) => {
      await signInAndRegister(agents[n].page, stack.url, `${n}@acme.test`);
      await openScreen(agents[n].page, 'Unknown callers');
    }),
  );
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await Promise.allSettled(Object.values(agents).map((a) => a.close()));
  await stack?.stop();
});

const pages = () => [agents.alice.page, agents.bob.page, agents.carol.page];
const openItem = (page: Page, caller: string) => page.locator('.unknown-callers .unknown-caller', { hasText: caller });
const followUp = (page: Page, text: string) => page.locator('.follow-ups .follow-up', { hasText: text });

/** sipp calls the company number; with nobody answering, the call rings out and is missed. */
async function unansweredCall(from: string) {
  const { leg, result } = await startCaller({
    runDir: dir,
    number: COMPANY.number,
    from,
    kamailioPort: PORTS.sip,
    durationS: 1,
  });
  legs.push(leg);
  return result;
}

test('a missed unknown call appears live for all three agents; two claim at once, one wins, the loser is told who, the third sees it vanish', async () => {
  const result = await unansweredCall('+447911126001');
  const shown = '07911 126001';
  for (const page of pages()) await openItem(page, shown).waitFor({ timeout: 30_000 });
  expect((await result).finalCode).toBe(480);
  for (const page of pages()) {
    expect(await openItem(page, shown).getByTestId('called-number').textContent()).toBe('Acme company number');
    expect(Number(await page.getByTestId('unread-count').textContent())).toBeGreaterThanOrEqual(1);
  }

  const [alice, bob, carol] = pages() as [Page, Page, Page];
  // Both claims are in flight at once: each page's request is held until the other's has left too, then both go
  // to the companion together (pressed one after the other, the first claim's result could reach the other page,
  // and take its button away, before the second press).
  const held: Route[] = [];
  const holdClaim = (route: Route) => {
    held.push(route);
    if (held.length === 2) for (const r of held) void r.continue();
  };
  for (const page of [alice, bob]) await page.route('**/api/notifications/*/claim', holdClaim);
  for (const page of [alice, bob]) await openItem(page, shown).getByRole('button', { name: 'Claim' }).click();
  await expect.poll(async () => (await followUp(alice, shown).count()) + (await followUp(bob, shown).count())).toBe(1);
  expect(held).toHaveLength(2);
  for (const page of [alice, bob]) await page.unroute('**/api/notifications/*/claim', holdClaim);
  const aliceWon = (await followUp(alice, shown).count()) === 1;
  const [winner, loser, winnerName] = aliceWon ? [alice, bob, 'Alice Agent'] : [bob, alice, 'Bob Agent'];
  await expect
    .poll(() => loser.getByTestId('claim-message').textContent())
    .toBe(`${winnerName} already claimed this caller.`);
  await expect.poll(() => openItem(loser, shown).count()).toBe(0);
  await expect.poll(() => openItem(carol, shown).count()).toBe(0);
  expect(await openItem(winner, shown).count()).toBe(0);

  // The winner makes a contact of the caller; the next call rings the winner with the contact's name on the card.
  await followUp(winner, shown).getByRole('button', { name: 'Create contact' }).click();
  await followUp(winner, shown).getByLabel('Contact name').fill('Ursula Unknown');
  await followUp(winner, shown).getByRole('button', { name: 'Save contact' }).click();
  await followUp(winner, 'Ursula Unknown').waitFor();

  const { leg, result: again } = await startCaller({
    runDir: dir,
    number: COMPANY.number,
    from: '+447911126001',
    kamailioPort: PORTS.sip,
    cancelAfterMs: 3000,
  });
  legs.push(leg);
  const card = winner.getByRole('region', { name: 'Incoming call from Ursula Unknown' });
  await card.waitFor({ timeout: 15_000 });
  expect(await card.getByTestId('route-reason').textContent()).toBe("You're the agent for Ursula Unknown");
  expect(await loser.getByRole('region', { name: /^Incoming call from / }).count()).toBe(0);
  expect((await again).finalCode).toBe(487);
});

test('associate with an existing contact: the caller’s next call rings that contact’s agent with the contact’s name', async () => {
  const result = await unansweredCall('+447911126002');
  const shown = '07911 126002';
  const carol = agents.carol.page;
  await openItem(carol, shown).waitFor({ timeout: 30_000 });
  await result;
  await openItem(carol, shown).getByRole('button', { name: 'Claim' }).click();
  await followUp(carol, shown).getByRole('button', { name: 'Associate with a contact' }).click();
  await followUp(carol, shown).getByLabel('Find a contact').fill('Priya');
  await followUp(carol, shown).getByRole('button', { name: 'Search' }).click();
  await followUp(carol, shown).getByRole('button', { name: 'Associate Priya Shah' }).click();
  await followUp(carol, 'Priya Shah').waitFor();

  // Priya's agent is Alice: the caller now rings her as Priya.
  const { leg, result: again } = await startCaller({
    runDir: dir,
    number: COMPANY.number,
    from: '+447911126002',
    kamailioPort: PORTS.sip,
    cancelAfterMs: 3000,
  });
  legs.push(leg);
  await agents.alice.page.getByRole('region', { name: 'Incoming call from Priya Shah' }).waitFor({ timeout: 15_000 });
  expect((await again).finalCode).toBe(487);
});

test('a text to the company number reaches the agents; text back reaches the phone network from the company number', async () => {
  const sent = await sendText({
    runDir: dir,
    from: '+447911126003',
    to: COMPANY.number,
    body: 'Do you have parking? Merci',
    kamailioPort: PORTS.sip,
    localPort: await freeUdpPort(),
  });
  expect(sent.accepted).toBe(true);
  const shown = '07911 126003';
  for (const page of pages()) {
    await openItem(page, shown).waitFor({ timeout: 15_000 });
    expect(await openItem(page, shown).getByTestId('text-preview').textContent()).toBe('Do you have parking? Merci');
  }
  const bob = agents.bob.page;
  const gateway = receiveTexts({ runDir: dir, port: GATEWAY_PORT, count: 1 });
  await openItem(bob, shown).getByRole('button', { name: 'Text back' }).click();
  const conv = followUp(bob, shown);
  await conv.getByLabel('Text back').fill('Yes, two spaces behind the office.');
  await conv.getByRole('button', { name: 'Send text' }).click();
  await gateway.exited;
  expect(gateway.received()).toEqual([{ from: '+442079460000', to: '+447911126003' }]);
  expect(gateway.trace()).toContain('Yes, two spaces behind the office.');
  await conv.locator('.text.outbound', { hasText: 'Yes, two spaces behind the office.' }).waitFor();
  for (const page of [agents.alice.page, agents.carol.page])
    await expect.poll(() => openItem(page, shown).count()).toBe(0);
});

test('a claim made while an agent’s feed was down is not shown as open after it reconnects', async () => {
  const result = await unansweredCall('+447911126004');
  const shown = '07911 126004';
  for (const page of pages()) await openItem(page, shown).waitFor({ timeout: 30_000 });
  await result;
  const carol = agents.carol.page;
  await carol.context().setOffline(true);
  expect(await dropWebSocket(carol, PORTS.http)).toBeGreaterThan(0);
  await openItem(agents.alice.page, shown).getByRole('button', { name: 'Claim' }).click();
  await followUp(agents.alice.page, shown).waitFor();
  // Carol's feed is down: she missed the claim and still shows the caller...
  expect(await openItem(carol, shown).count()).toBe(1);
  // ...until the feed is back, refetches, and it is gone.
  await carol.context().setOffline(false);
  await expect.poll(() => openItem(carol, shown).count(), { timeout: 20_000 }).toBe(0);
});
