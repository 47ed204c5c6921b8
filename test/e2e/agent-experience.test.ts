import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen, openTeamScreen, signOutFromBar } from '../support/app-nav';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

/**
 * What an agent sees of their calls, in real Chromium on the real stack: the ringing card takes focus, says who
 * and why and counts down; both ends name each other the same way; My calls lists calls between agents and reads
 * declines as declines; an unknown extension says so; supervisors reach "Who would ring?".
 */
const PORTS = { http: 18880, sip: 15860, ws: 15866, rtpNg: 23100, rtpMin: 32100, rtpMax: 32199 };
const SALES = '+442071234567';
const DEMO_CALLER = '+447700900123';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let bob: Agent;
let dir: string;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-agent-ux-'));
  writeToneWav(join(dir, 'alice.wav'), 700);
  writeToneWav(join(dir, 'bob.wav'), 1300);
  stack = await startE2eStack(PORTS);
  [alice, bob] = await Promise.all([
    launchAgent({ micWav: join(dir, 'alice.wav') }),
    launchAgent({ micWav: join(dir, 'bob.wav') }),
  ]);
  await Promise.all([
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await Promise.allSettled([alice?.close(), bob?.close()]);
  await stack?.stop();
});

const ringing = (page: Page) => page.getByRole('region', { name: /^Incoming call from / });
const history = (page: Page) => page.getByRole('region', { name: 'Call history' });
const latestCall = (page: Page) => history(page).locator('li').first();
const panelOf = (page: Page) => page.locator('.call-card[data-call-id]').last();

/** Signs in over HTTP as the demo admin and saves Sales line's routing: ring Alice only, nothing after. */
async function routeSalesToAliceOnly(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'admin@acme.test', password: 'switchboard' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const headers = { 'content-type': 'application/json', origin: url, cookie };
  const number = (await (await fetch(`${url}/api/numbers/num-sales`, { headers })).json()) as {
    routing: Record<string, unknown>;
  };
  const routing = {
    ...number.routing,
    rule: {
      kind: 'alternative',
      destinations: [{ destination: { kind: 'staff', staffId: 'staff-alice' }, ringTimeoutSeconds: 20 }],
    },
    noAnswer: { failSafeNumber: null },
    sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
  };
  const res = await fetch(`${url}/api/numbers/num-sales/routing`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(routing),
  });
  expect(res.status, await res.text()).toBe(200);
}

test('a call between agents: focus moves to Answer, the tab flashes, the ring counts down, A answers; both ends name each other alike', async () => {
  await alice.page.getByLabel('Number or extension').fill('1002');
  await alice.page.getByRole('button', { name: 'Call', exact: true }).click();
  const card = ringing(bob.page);
  await card.waitFor();
  expect(await card.getAttribute('aria-label')).toBe('Incoming call from Alice Agent');
  await expect.poll(() => bob.page.evaluate(() => document.activeElement?.textContent)).toBe('Answer');
  // The title flashes (each second): it reads the call at least part of the time.
  await expect.poll(() => bob.page.title(), { timeout: 3000 }).toBe('Incoming call: Alice Agent');
  expect(await card.getByLabel('Time left to answer').textContent()).toMatch(/^[01]:\d\d$/);

  // The caller's side names the teammate as the callee's side does, and the dialer gives way to the call.
  await alice.page.getByRole('heading', { name: 'Bob Agent (1002)' }).waitFor();
  expect(await alice.page.getByLabel('Number or extension').inputValue()).toBe('');
  expect(await alice.page.getByRole('group', { name: 'Dial pad' }).count()).toBe(0);

  await bob.page.keyboard.press('a');
  await bob.page.locator('[data-status="active"]').waitFor();
  await expect.poll(() => bob.page.title()).toBe('Keypad · Switchboard');
  await bob.page.getByRole('heading', { name: 'Alice Agent (1001)' }).waitFor();
  await alice.page.locator('[data-status="active"]').waitFor();

  // Held, then hung up: the card reads as ended by you, not as on hold.
  await alice.page.getByRole('button', { name: 'Hold', exact: true }).click();
  await alice.page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
  await alice.page.getByRole('button', { name: 'Hang up' }).click();
  const ended = alice.page.locator('[data-status="ended"]');
  await ended.getByText('Call ended: You hung up').waitFor();
  expect(await ended.textContent()).not.toContain('On hold');
  await bob.page.locator('[data-status="ended"]').getByText('Call ended: The other party hung up').waitFor();
});

test('My calls lists the call between the agents on both sides, with who hung up', async () => {
  await Promise.all([openScreen(alice.page, 'Calls'), openScreen(bob.page, 'Calls')]);
  await expect.poll(() => latestCall(alice.page).getAttribute('data-direction'), { timeout: 10_000 }).toBe('internal');
  const mine = await latestCall(alice.page).textContent();
  for (const text of ['Outgoing', 'Bob Agent', '(1002)', 'Answered', 'You hung up']) expect(mine).toContain(text);
  await expect.poll(() => latestCall(bob.page).getAttribute('data-direction'), { timeout: 10_000 }).toBe('internal');
  const theirs = await latestCall(bob.page).textContent();
  for (const text of ['Incoming', 'Alice Agent', '(1001)', 'Answered', 'Alice Agent hung up'])
    expect(theirs).toContain(text);
});

test('an extension nobody has says so on the card and in My calls', async () => {
  await openScreen(alice.page, 'Keypad');
  await alice.page.getByLabel('Number or extension').fill('1099');
  await alice.page.getByRole('button', { name: 'Call', exact: true }).click();
  await panelOf(alice.page).getByText('There is no extension 1099').waitFor();
  await openScreen(alice.page, 'Calls');
  await expect
    .poll(() => latestCall(alice.page).textContent(), { timeout: 30_000 })
    .toContain('There is no extension 1099');
  expect(await latestCall(alice.page).textContent()).not.toContain('Call failed');
});

test('a routed call the agent declines is logged as declined, not "Missed · Nobody answered"; the number reads nationally', async () => {
  await routeSalesToAliceOnly(stack.url);
  const { leg, result } = await startCaller({
    runDir: dir,
    number: SALES,
    from: DEMO_CALLER,
    kamailioPort: PORTS.sip,
    durationS: 30,
  });
  legs.push(leg);
  const card = ringing(alice.page);
  await card.waitFor({ timeout: 15_000 });
  expect(await card.getAttribute('aria-label')).toBe('Incoming call from 07700 900123');
  expect(await card.getByTestId('route-reason').textContent()).toBe('Calls to Sales line come to you');
  expect(await card.locator('[data-e164="+447700900123"]').first().getAttribute('title')).toBe(DEMO_CALLER);
  await card.getByRole('button', { name: 'Decline' }).click();
  expect((await result).finalCode).toBeGreaterThanOrEqual(400);

  const row = history(alice.page).locator('li[data-direction="inbound"]').first();
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('You declined');
  const text = await row.textContent();
  expect(text).toContain('Declined');
  expect(text).not.toContain('Nobody answered');
  expect(text).toContain('07700 900123');
});

test('supervisors reach "Who would ring?", which takes the demo caller +44 7700 900123; All calls reads in no agent’s words', async () => {
  const page = bob.page;
  await signOutFromBar(page);
  await signInAndRegister(page, stack.url, 'supervisor@acme.test');
  await openTeamScreen(page, 'Who would ring?');
  const tool = page.getByRole('region', { name: 'Who would ring? (any number)' });
  await tool.getByLabel('Number to try').selectOption({ label: 'Sales line · 020 7123 4567' });
  await tool.getByLabel('Caller number').fill('+44 7700 900123');
  await tool.getByLabel('Assume all staff are available').check();
  await tool.getByRole('button', { name: 'Who would ring?' }).click();
  const decision = tool.getByRole('region', { name: 'Routing decision' });
  await decision.locator('[data-step="1"]').getByText('Alice Agent').waitFor();
  expect(await tool.getByRole('alert').count()).toBe(0);

  await openScreen(page, 'Calls');
  const declined = history(page).locator('li[data-direction="inbound"]').first();
  await expect.poll(() => declined.textContent(), { timeout: 10_000 }).toContain('Declined by Alice Agent');
  expect(await history(page).textContent()).not.toMatch(/talked to you|you called them/);
});
