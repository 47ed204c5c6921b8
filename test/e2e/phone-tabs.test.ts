import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { registeredContacts } from '../../scripts/stack/kamcmd';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 19280, hook: 19281, sip: 16260, ws: 16266, rtpNg: 23500, rtpMin: 33500, rtpMax: 33599 };
const ALICE = '1001';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let dir: string;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-tabs-'));
  writeToneWav(join(dir, 'alice.wav'), 700);
  stack = await startE2eStack(PORTS);
  alice = await launchAgent({ micWav: join(dir, 'alice.wav') });
  await signInAndRegister(alice.page, stack.url, 'alice@acme.test');
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await alice?.close();
  await stack?.stop();
});

/** Which part this tab plays for the phone ('owner' or 'follower'). */
const role = (page: Page) =>
  page.evaluate(() => (window as unknown as { switchboard: { phone: { role(): string } } }).switchboard.phone.role());

/** Waits until Kamailio holds exactly one contact for Alice, other than `not` when given, and returns it. */
async function aliceContact(not?: string): Promise<string> {
  for (;;) {
    const contacts = await registeredContacts(stack.dir, ALICE);
    if (contacts.length === 1 && contacts[0] !== not) return contacts[0]!;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const card = (page: Page) => page.getByRole('region', { name: /^Incoming call from / });

test('two tabs of one browser: one registers, both ring, the second hangs up the call the first answered', async () => {
  const owner = await aliceContact();
  const second = await alice.page.context().newPage();
  await second.goto(stack.url);
  // The second tab shows the phone registered (the first tab's state) without registering itself.
  await second.locator('[data-registration="registered"]').waitFor();
  expect(await role(alice.page)).toBe('owner');
  expect(await role(second)).toBe('follower');
  expect(await registeredContacts(stack.dir, ALICE)).toEqual([owner]);

  // A caller on the phone network dials the Sales line, which rings Alice: both tabs show it ringing.
  const { leg, result } = await startCaller({
    runDir: dir,
    number: '+442071234567',
    from: '+447700900500',
    kamailioPort: PORTS.sip,
    frequency: 1000,
    durationS: 60,
  });
  legs.push(leg);
  await card(alice.page).waitFor();
  await card(second).waitFor();
  await card(alice.page).getByRole('button', { name: 'Answer' }).click();
  await second.locator('[data-status="active"]').waitFor();
  await second.getByRole('button', { name: 'Hang up' }).click();
  const r = await result;
  expect(r.finalCode).toBe(200);
  expect(r.endedBy).toBe('callee');
  await alice.page.locator('[data-status="ended"]').first().waitFor();
  expect(await registeredContacts(stack.dir, ALICE)).toEqual([owner]);

  // Closing the first tab hands the phone over: the second registers a contact of its own.
  await alice.page.close();
  const next = await aliceContact(owner);
  expect(next).not.toBe(owner);
  expect(await role(second)).toBe('owner');
  await second.locator('[data-registration="registered"]').waitFor();
  alice.page = second;
});

test('another browser of the same agent takes the phone; the first window says so and takes it back', async () => {
  const mine = await aliceContact();
  const page = alice.page;
  const elsewhere = page.getByText('Your phone is active in another window');
  const other = await alice.browser.newContext();
  const otherPage = await other.newPage();
  await signInAndRegister(otherPage, stack.url, 'alice@acme.test');
  // The newest registration wins: Kamailio holds the other browser's contact only.
  const theirs = await aliceContact(mine);
  await elsewhere.waitFor();
  expect(await page.locator('[data-registration]').getAttribute('data-registration')).toBe('unregistered');
  expect(await registeredContacts(stack.dir, ALICE)).toEqual([theirs]);

  await page.getByRole('button', { name: 'Take it back' }).click();
  const back = await aliceContact(theirs);
  await page.locator('[data-registration="registered"]').waitFor();
  await otherPage.getByText('Your phone is active in another window').waitFor();
  expect(await elsewhere.count()).toBe(0);
  expect(await registeredContacts(stack.dir, ALICE)).toEqual([back]);
  await other.close();
});
