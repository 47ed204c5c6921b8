import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import { startGateway, type Gateway } from '../../scripts/sipp/gateway';
import { currentCallId, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { listen } from '../support/audio-probe';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

/**
 * An agent in Chromium calls customers: sipp plays the phone network on 127.0.0.2 (PSTN_GATEWAY), answers
 * with an 800 Hz PCMU tone and records what it hears and which caller ID it was given.
 */

const PORTS = { http: 18780, sip: 15760, ws: 15766, rtpNg: 23000, rtpMin: 32000, rtpMax: 32099 };
const GATEWAY_PORT = 15790;
const GATEWAY_HZ = 800;
const ALICE_HZ = 1000;
const SALES = '+442071234567';
const CUSTOMER = '+447911123499';
const CONTACT = { primary: '+447911200001', office: '+447911200002', mobile: '+447911200003' };

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let gateway: Gateway;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-outbound-'));
  writeToneWav(join(dir, 'alice.wav'), ALICE_HZ);
  stack = await startE2eStack(PORTS, { PSTN_GATEWAY: `127.0.0.2:${GATEWAY_PORT}` });
  gateway = await startGateway({
    runDir: dir,
    host: '127.0.0.2',
    port: GATEWAY_PORT,
    ringMs: 700,
    calls: 100,
    busy: [CONTACT.primary, CONTACT.office],
    frequency: GATEWAY_HZ,
  });
  alice = await launchAgent({ micWav: join(dir, 'alice.wav') });
  await signInAndRegister(alice.page, stack.url, 'alice@acme.test');
});

afterAll(async () => {
  await gateway?.leg.stop();
  await alice?.close();
  await stack?.stop();
});

async function hearUntil(page: Page, callId: string, ok: (h: Awaited<ReturnType<typeof listen>>) => boolean) {
  let last = await listen(page, callId);
  for (let i = 0; i < 8 && !ok(last); i++) last = await listen(page, callId);
  return last;
}
const hearsGateway = (h: { peakHz: number; rms: number }) => Math.abs(h.peakHz - GATEWAY_HZ) < 15 && h.rms > 0.01;
const silent = (h: { rms: number }) => h.rms < 0.003;
const panel = (page: Page, callId: string) => page.locator(`[data-call-id="${callId}"]`);

test('Alice calls a customer as Sales line in engagement mode: sipp gets that number, they hear each other; hold, DTMF, hang up; then saves the contact', async () => {
  const page = alice.page;
  await page.getByLabel('Number or extension').fill(CUSTOMER);
  await page.getByLabel('Caller ID').selectOption({ label: 'Sales line · 020 7123 4567 · London · engagement' });
  await page.getByRole('switch').click();
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await page.locator('[data-status="active"]').waitFor({ timeout: 20_000 });
  const callId = await currentCallId(page);
  expect(await panel(page, callId).getByTestId('presenting').textContent()).toBe(
    'Calling as 020 7123 4567 · engagement mode',
  );

  const invite = gateway.invites()[0]!;
  expect(invite).toMatchObject({
    callee: CUSTOMER,
    fromUri: `sip:${SALES}@127.0.0.1`,
    assertedIdentity: `sip:${SALES}@127.0.0.1`,
    displayName: 'Alice Agent',
  });

  const heard = await hearUntil(page, callId, hearsGateway);
  expect(Math.abs(heard.peakHz - GATEWAY_HZ)).toBeLessThan(15);
  expect(heard.bandShare).toBeGreaterThan(0.9);

  const card = panel(page, callId);
  await card.getByRole('button', { name: 'Hold', exact: true }).click();
  await card.getByRole('button', { name: 'Resume', exact: true }).waitFor();
  expect(silent(await hearUntil(page, callId, silent))).toBe(true);
  await card.getByRole('button', { name: 'Resume', exact: true }).click();
  await card.getByRole('button', { name: 'Hold', exact: true }).waitFor();
  expect(hearsGateway(await hearUntil(page, callId, hearsGateway))).toBe(true);

  await card.getByRole('button', { name: 'Keypad', exact: true }).click();
  const keypad = card.getByRole('group', { name: 'Call keypad' });
  for (const digit of ['5', '0', '#']) await keypad.getByRole('button', { name: digit, exact: true }).click();
  // RFC 4733 telephone events reach the gateway beside the PCMU audio (a dynamic payload type).
  await expect.poll(() => gateway.leg.rtp.stats.payloadTypes.some((pt) => pt >= 96), { timeout: 5000 }).toBe(true);

  await card.getByRole('button', { name: 'Hang up', exact: true }).click();
  await gateway.leg.waitFor('ended');
  expect(gateway.leg.rtp.stats.received).toBeGreaterThan(50);
  expect(gateway.leg.rtp.stats.payloadTypes).toContain(0);
  expect(gateway.leg.rtp.toneShare(ALICE_HZ)).toBeGreaterThan(0.5);

  const save = page.getByRole('form', { name: 'Save 07911 123499 as contact' });
  await save.getByLabel('Contact name').fill('Priya Customer');
  await save.getByRole('button', { name: 'Save as contact' }).click();
  await save.waitFor({ state: 'detached' });
  const contacts = await page.evaluate(
    async (n) =>
      (await (await fetch(`/api/contacts?phone=${encodeURIComponent(n)}`)).json()) as Array<{
        name: string;
        primaryAgentId: string;
      }>,
    CUSTOMER,
  );
  expect(contacts).toEqual([expect.objectContaining({ name: 'Priya Customer', primaryAgentId: 'staff-alice' })]);

  await openScreen(page, 'Calls');
  const row = page.locator('.history li').first();
  await expect.poll(() => row.textContent()).toContain('Outgoing');
  expect(await row.textContent()).toContain('engagement');
  await openScreen(page, 'Contacts');
  // The screen has just opened: its list loads first.
  await expect
    .poll(() => page.getByRole('region', { name: 'My customers' }).textContent())
    .toContain('Priya Customer on Sales line · engagement');
});

test('the customer calls back: it rings Alice with the engagement reason', async () => {
  await alice.page.locator('.presence-picker [data-presence="available"]').waitFor();
  const { leg, result } = await startCaller({
    runDir: dir,
    number: SALES,
    from: CUSTOMER,
    kamailioPort: PORTS.sip,
    cancelAfterMs: 3000,
  });
  const card = alice.page.getByRole('region', { name: /^Incoming call from / });
  await card.waitFor();
  expect(await card.getByTestId('route-reason').textContent()).toMatch(/^You called them on .*engagement/);
  expect(await card.textContent()).toContain('Priya Customer');
  expect((await result).finalCode).toBe(487);
  await leg.stop();
});

test('a modified browser presenting a number Alice may not use is refused in words, and the gateway receives nothing', async () => {
  const before = gateway.invites().length;
  const id = await alice.page.evaluate(() =>
    (
      window as unknown as { switchboard: { phone: { callNumber(n: string, o: object): Promise<string> } } }
    ).switchboard.phone.callNumber('+447911200009', { callerId: '+442071234569' }),
  );
  await panel(alice.page, id).getByText('You may not present +44 20 7123 4569 as your caller ID').waitFor();
  await new Promise((r) => setTimeout(r, 500));
  expect(gateway.invites().length).toBe(before);
});

test('sequential dial: primary, then the office, then the mobile, each after the delay, stopping at the one that answers', async () => {
  const page = alice.page;
  const created = await page.evaluate(async (c) => {
    const types = (await (await fetch('/api/contact-item-types')).json()) as Array<{
      id: string;
      name: string;
      orderBy: number;
    }>;
    const [first, second] = [...types].sort((a, b) => a.orderBy - b.orderBy);
    const res = await fetch('/api/contacts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Zed Sequential',
        primaryPhone: c.primary,
        additionalPhones: [
          { number: c.mobile, itemTypeId: second!.id },
          { number: c.office, itemTypeId: first!.id },
        ],
      }),
    });
    return res.status;
  }, CONTACT);
  expect(created).toBe(201);
  await openScreen(page, 'Contacts');
  await page.getByLabel('Search contacts').fill('Zed Seq');
  await page.getByRole('button', { name: 'Zed Sequential' }).click();
  await page.getByLabel('Seconds between numbers').fill('2');
  const before = gateway.invites().length;
  await page.getByRole('button', { name: 'Sequential dial' }).click();
  await page.locator(`[data-number="${CONTACT.mobile}"][data-state="answered"]`).waitFor({ timeout: 30_000 });
  const primaryRow = await page.locator(`[data-number="${CONTACT.primary}"]`).textContent();
  expect(primaryRow, primaryRow ?? '').toContain('Not answered: Busy');

  const invites = gateway.invites().slice(before);
  expect(invites.map((i) => i.callee)).toEqual([CONTACT.primary, CONTACT.office, CONTACT.mobile]);
  const busy = gateway.leg
    .events()
    .filter((e) => e.name === 'busy')
    .slice(-2);
  // Each next number is dialled the configured 2 s after the previous one failed (sipp's own clock).
  expect(invites[1]!.at - busy[0]!.at).toBeGreaterThanOrEqual(2000);
  expect(invites[2]!.at - busy[1]!.at).toBeGreaterThanOrEqual(2000);
  await page.locator('[data-status="active"]').getByRole('button', { name: 'Hang up', exact: true }).click();
});
