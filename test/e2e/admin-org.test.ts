import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getJson, openAdminTab, region, reloadTab, saveAndWait, saveConfirmed } from '../support/admin-org-page';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let admin: Agent;
let page: Page;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-tones-'));
  writeToneWav(join(dir, 'tone.wav'), 440);
  stack = await startE2eStack({ http: 18280, sip: 15260, ws: 15266, rtpNg: 22500, rtpMin: 31500, rtpMax: 31599 });
  admin = await launchAgent({ micWav: join(dir, 'tone.wav') });
  page = admin.page;
  await page.setViewportSize({ width: 1400, height: 2400 });
  await signInAndRegister(page, stack.url, 'admin@acme.test');
});

afterAll(async () => {
  await admin?.close();
  await stack?.stop();
});

type Company = { company: { source: string; defaultRule: { kind: string; staffIds?: string[] }; customRules: { name: string; activeHours: unknown; route: unknown }[] } };

describe('company number', () => {
  const settings = () => region(page, 'Company number settings');
  const rule = (n: number) => settings().getByRole('group', { name: `Custom rule ${n}`, exact: true });

  test('an overlapping custom rule is refused beside its active hours and nothing is saved', async () => {
    await openAdminTab(page, 'Company number');
    await rule(3).getByLabel('Rule name').waitFor();
    await settings().getByRole('button', { name: 'Add custom rule' }).click();
    await rule(4).getByLabel('Rule name').fill('Saturday morning');
    // The new rule's Sat–Sun 09:00–17:00 runs into "Weekend cover" (Sat–Sun 10:00–16:00).
    await saveConfirmed(page, settings());
    const alert = rule(4).getByRole('alert').filter({ hasText: /Overlaps rule 'Weekend cover'/ });
    await alert.waitFor();
    expect(await alert.getAttribute('data-path')).toBe('customRules.3.activeHours');
    expect(await settings().locator('.save-status').textContent()).toBe('');
    const stored = await getJson<Company>(page, '/api/numbers/num-company');
    expect(stored.company.customRules.map((r) => r.name)).toEqual(['Weekday blast', 'Evening bridge', 'Weekend cover']);
  });

  test('source, a blast default rule and a new custom rule to another number are saved after confirmation and read back', async () => {
    await reloadTab(page, 'Company number');
    await settings().getByLabel('Source', { exact: true }).fill('Spring campaign');
    const defaultRule = region(page, 'Default rule');
    await defaultRule.getByRole('radio', { name: 'Blast' }).click();
    await defaultRule.getByRole('checkbox', { name: 'Bob Agent' }).check();
    await defaultRule.getByText('2 of 5 chosen').waitFor();

    await settings().getByRole('button', { name: 'Add custom rule' }).click();
    await rule(4).getByLabel('Rule name').fill('Saturday late');
    await rule(4).getByRole('checkbox', { name: 'Sun' }).uncheck();
    await rule(4).getByLabel('From').fill('18:00');
    await rule(4).getByLabel('To', { exact: true }).fill('22:00');
    await rule(4).getByRole('radio', { name: 'Another number' }).click();
    await rule(4).getByLabel('Phone number').fill('020 7946 0111');
    await saveConfirmed(page, settings());
    await rule(4).getByRole('alert').filter({ hasText: /Start the number with \+/ }).waitFor();

    await rule(4).getByLabel('Phone number').fill('+44 20 7946 0111');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await settings().locator('.save-status').textContent()).toBe('');
    await saveAndWait(page, settings());

    await reloadTab(page, 'Company number');
    expect(await settings().getByLabel('Source', { exact: true }).inputValue()).toBe('Spring campaign');
    expect(await region(page, 'Default rule').getByRole('radio', { name: 'Blast' }).getAttribute('aria-checked')).toBe('true');
    expect(await region(page, 'Default rule').getByRole('checkbox', { name: 'Alice Agent' }).isChecked()).toBe(true);
    expect(await region(page, 'Default rule').getByRole('checkbox', { name: 'Bob Agent' }).isChecked()).toBe(true);
    expect(await rule(4).getByLabel('Rule name').inputValue()).toBe('Saturday late');
    expect(await rule(4).getByLabel('Phone number').inputValue()).toBe('+442079460111');
    expect(await rule(4).getByRole('checkbox', { name: 'Sat' }).isChecked()).toBe(true);
    expect(await rule(4).getByRole('checkbox', { name: 'Sun' }).isChecked()).toBe(false);
    expect(await rule(4).getByLabel('From').inputValue()).toBe('18:00');
  });

  test('a blast never offers a sixth agent, and the server refuses six', async () => {
    await openAdminTab(page, 'Company number');
    const defaultRule = region(page, 'Default rule');
    for (const name of ['Carol Agent', 'Dave Agent', 'Ada Admin']) await defaultRule.getByRole('checkbox', { name }).check();
    await defaultRule.getByText('5 of 5 chosen').waitFor();
    expect(await defaultRule.getByRole('checkbox', { name: 'Sam Supervisor' }).isDisabled()).toBe(true);
    await settings().getByRole('button', { name: 'Discard changes' }).click();

    const refused = await page.evaluate(async () => {
      const number = await (await fetch('/api/numbers/num-company')).json();
      const staffIds = ['staff-admin', 'staff-super', 'staff-alice', 'staff-bob', 'staff-carol', 'staff-dave'];
      const body = { ...number.company, defaultRule: { kind: 'blast', staffIds, ringTimeoutSeconds: 30 } };
      const res = await fetch('/api/numbers/num-company/company', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, error: (await res.json()).error };
    });
    expect(refused).toMatchObject({ status: 400, error: { path: ['defaultRule', 'staffIds'] } });
  });
});

describe('main number', () => {
  const handling = () => region(page, 'Main number call handling');

  test('state and both branches are saved after confirmation and read back; a too-short ring time is refused beside it', async () => {
    await openAdminTab(page, 'Main number');
    await handling().getByRole('radio', { name: 'Reserved' }).click();
    const inHours = region(page, 'In hours');
    expect(await inHours.getByLabel(/^Greeting shown/).inputValue()).toContain('Acme Sales reception');
    await inHours.getByLabel(/^Greeting shown/).fill('Acme reception: book a viewing or take a message.');
    const outOfHours = region(page, 'Out of hours');
    await outOfHours.getByRole('checkbox', { name: 'Carol Agent' }).check();
    await outOfHours.getByLabel(/^Hunt group ring time/).fill('3');
    await outOfHours.getByRole('radio', { name: 'End the call' }).click();
    await saveConfirmed(page, handling());
    await outOfHours.getByRole('alert').filter({ hasText: 'Ring for at least 5 seconds' }).waitFor();
    expect((await getJson<{ main: { state: string } }>(page, '/api/numbers/num-main')).main.state).toBe('active');

    await outOfHours.getByLabel(/^Hunt group ring time/).fill('25');
    await saveAndWait(page, handling());
    await reloadTab(page, 'Main number');
    expect(await handling().getByRole('radio', { name: 'Reserved' }).getAttribute('aria-checked')).toBe('true');
    expect(await region(page, 'In hours').getByLabel(/^Greeting shown/).inputValue()).toBe('Acme reception: book a viewing or take a message.');
    expect(await region(page, 'Out of hours').getByRole('checkbox', { name: 'Carol Agent' }).isChecked()).toBe(true);
    expect(await region(page, 'Out of hours').getByLabel(/^Hunt group ring time/).inputValue()).toBe('25');
    expect(await region(page, 'Out of hours').getByRole('radio', { name: 'End the call' }).getAttribute('aria-checked')).toBe('true');
  });

  test('business hours: an overlapping range is refused beside it; a Saturday range is saved', async () => {
    await openAdminTab(page, 'Main number');
    const hours = region(page, 'Business hours');
    await hours.getByRole('button', { name: 'Add opening hours' }).click();
    const second = hours.getByRole('group', { name: 'Opening hours 2' });
    await second.getByRole('checkbox', { name: 'Sat' }).uncheck();
    await second.getByRole('checkbox', { name: 'Mon' }).check();
    await saveConfirmed(page, hours);
    await second.getByRole('alert').filter({ hasText: /Overlaps opening hours 1/ }).waitFor();

    await second.getByRole('checkbox', { name: 'Mon' }).uncheck();
    await second.getByRole('checkbox', { name: 'Sat' }).check();
    await saveAndWait(page, hours);
    await reloadTab(page, 'Main number');
    const saved = region(page, 'Business hours').getByRole('group', { name: 'Opening hours 2' });
    expect(await saved.getByRole('checkbox', { name: 'Sat' }).isChecked()).toBe(true);
    expect(await saved.getByLabel('From').inputValue()).toBe('10:00');
  });

  test('the voicemail PIN is reset to the default after confirmation, never shown, and the reset is logged', async () => {
    await openAdminTab(page, 'Main number');
    const pin = region(page, 'Voicemail PIN');
    await pin.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await getJson<{ section: string }[]>(page, '/api/numbers/num-main/changes').then((c) => c.filter((e) => e.section === 'pin').length)).toBe(0);

    await pin.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reset PIN' }).click();
    await pin.getByRole('status').filter({ hasText: 'PIN reset to the default' }).waitFor();
    await pin.getByText('It is the default PIN.').waitFor();
    const changes = await getJson<{ section: string; summary: string; changedBy: { name: string } }[]>(page, '/api/numbers/num-main/changes');
    expect(changes.find((c) => c.section === 'pin')).toMatchObject({ summary: 'Voicemail PIN reset to the default', changedBy: { name: 'Ada Admin' } });
    expect(await page.locator('body').textContent()).not.toContain('0000');
  });
});

describe('staff', () => {
  const list = () => region(page, 'Staff');

  test('adding a staff member: a bad extension is refused beside the field with nobody added; then added and read back', async () => {
    await openAdminTab(page, 'Staff');
    await list().getByRole('button', { name: 'Add staff member' }).click();
    const form = page.getByRole('form', { name: 'Add staff member' });
    await form.getByLabel('Name').fill('Erin Agent');
    await form.getByLabel('Email').fill('erin@acme.test');
    await form.getByLabel('Role').selectOption('supervisor');
    await form.getByLabel('Extension').fill('12');
    await form.getByLabel('Initial password').fill('erin-initial-pass');
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await form.locator('label', { hasText: 'Extension' }).getByRole('alert').filter({ hasText: 'An extension is 3 to 6 digits' }).waitFor();
    expect((await getJson<{ email: string }[]>(page, '/api/staff')).some((s) => s.email === 'erin@acme.test')).toBe(false);

    await form.getByLabel('Extension').fill('1010');
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await reloadTab(page, 'Staff');
    const row = list().locator('tr', { hasText: 'Erin Agent' });
    for (const text of ['erin@acme.test', 'Supervisor', '1010']) await row.getByText(text, { exact: true }).waitFor();
  });

  test("editing a role and extension; a taken extension is refused beside it", async () => {
    await openAdminTab(page, 'Staff');
    const dave = list().locator('tr[data-staff="staff-dave"]');
    await dave.getByRole('button', { name: 'Edit' }).click();
    await dave.getByLabel('Extension').fill('1001');
    await dave.getByRole('button', { name: 'Save' }).click();
    await dave.getByRole('alert').filter({ hasText: 'that extension is already taken' }).waitFor();

    await dave.getByLabel('Role').selectOption('supervisor');
    await dave.getByLabel('Extension').fill('1044');
    await dave.getByRole('button', { name: 'Save' }).click();
    await dave.getByRole('button', { name: 'Edit' }).waitFor();
    await reloadTab(page, 'Staff');
    const after = list().locator('tr[data-staff="staff-dave"]');
    await after.getByText('Supervisor', { exact: true }).waitFor();
    await after.getByText('1044', { exact: true }).waitFor();
  });
});

describe('contacts', () => {
  const openContacts = async (sub: string) => {
    await openAdminTab(page, 'Contacts');
    await page.getByRole('tablist', { name: 'Contact sections' }).getByRole('tab', { name: sub }).click();
  };

  test('a contact with a bad phone is refused beside the field and not created; then created with a typed additional phone, found and read back', async () => {
    await openContacts('All contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('Name').fill('Grace Hopper');
    await form.getByLabel('Primary phone').fill('+44 12');
    await form.getByRole('button', { name: 'Add phone' }).click();
    const extra = form.getByRole('group', { name: 'Additional phone 1' });
    await extra.getByLabel('Phone number').fill('+44 20 7946 0777');
    await extra.getByLabel('Item type').selectOption({ label: 'Office' });
    await extra.getByLabel('Description').fill('Front desk');
    await form.getByLabel('Primary agent').selectOption('staff-carol');
    await form.getByLabel('Source').fill('Conference');
    await form.getByLabel(/^Tags/).fill('speaker, vip');
    await form.getByRole('button', { name: 'Create contact' }).click();
    await form.locator('label', { hasText: 'Primary phone' }).getByRole('alert').filter({ hasText: 'not a valid phone number' }).waitFor();
    expect((await getJson<{ name: string }[]>(page, '/api/contacts')).some((c) => c.name === 'Grace Hopper')).toBe(false);

    await form.getByLabel('Primary phone').fill('07911 223301');
    await form.getByRole('button', { name: 'Create contact' }).click();
    await form.locator('label', { hasText: 'Primary phone' }).getByRole('alert').filter({ hasText: 'Start the number with +' }).waitFor();
    await form.getByLabel('Primary phone').fill('+44 7911 223301');
    await form.getByRole('button', { name: 'Create contact' }).click();

    await page.reload();
    await openContacts('All contacts');
    await page.getByLabel('Search contacts').fill('grace');
    const row = page.locator('tr', { hasText: 'Grace Hopper' });
    await row.waitFor();
    for (const text of ['+44 7911 223301', '+44 20 7946 0777', 'Office · Front desk', 'Carol Agent', 'Conference', 'speaker', 'vip']) expect(await row.textContent()).toContain(text);
    await page.getByLabel('Search contacts').fill('020 7946 0777');
    await page.locator('tr', { hasText: 'Grace Hopper' }).waitFor();
    expect(await region(page, 'Contacts').locator('tbody tr').count()).toBe(1);
  });

  test('item types are listed by priority then name, and a new one takes its place', async () => {
    await openContacts('Item types');
    const types = region(page, 'Contact item types');
    await types.getByRole('form', { name: 'New item type' }).getByLabel('Name').fill('Assistant');
    await types.getByRole('form', { name: 'New item type' }).getByLabel('Order by').fill('1');
    await types.getByRole('button', { name: 'Add item type' }).click();
    await types.locator('tr', { hasText: 'Assistant' }).waitFor();
    await reloadTab(page, 'Contacts');
    await page.getByRole('tablist', { name: 'Contact sections' }).getByRole('tab', { name: 'Item types' }).click();
    const names = await region(page, 'Contact item types').locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(['Mobile', 'Assistant', 'Office', 'Holiday Home']);
  });

  test('CSV import: columns mapped to fields and item types, a preview, bad lines reported by number and good lines imported', async () => {
    await openContacts('Import CSV');
    const csv = [
      'Full name,Phone,Office,Villa,Notes',
      'Linus Import,+447911000201,+442079460201,+34912340201,keep',
      'Broken Row,not-a-number,,,',
      '"Marie, Import",+447911000202,,+34912340202,',
    ].join('\n');
    await page.getByLabel('CSV text').fill(csv);
    expect(await page.getByLabel('Import column Full name as').inputValue()).toBe('name');
    expect(await page.getByLabel('Import column Office as').inputValue()).toBe('type:itemtype-office');
    await page.getByLabel('Import column Villa as').selectOption({ label: 'Additional phone: Holiday Home' });
    const preview = region(page, 'Import preview');
    await preview.getByText('3 rows to import.').waitFor();
    await preview.getByRole('columnheader', { name: 'Holiday Home phone' }).waitFor();
    await page.getByLabel('Source for rows without one').fill('Spring import');
    await page.getByRole('button', { name: 'Import contacts' }).click();

    const result = region(page, 'Import result');
    await result.getByText('Imported 2 contacts.').waitFor();
    await result.locator('li[data-line="3"]').filter({ hasText: /Line 3 \(column Phone\): Start the number with \+/ }).waitFor();
    expect(await result.locator('li').count()).toBe(1);

    const contacts = await getJson<{ name: string; source: string; additionalPhones: { number: string; itemTypeId?: string }[] }[]>(page, '/api/contacts');
    expect(contacts.find((c) => c.name === 'Broken Row')).toBeUndefined();
    expect(contacts.find((c) => c.name === 'Linus Import')).toMatchObject({
      source: 'Spring import',
      additionalPhones: [
        { number: '+442079460201', itemTypeId: 'itemtype-office' },
        { number: '+34912340201', itemTypeId: 'itemtype-holiday' },
      ],
    });
    await page.getByRole('tablist', { name: 'Contact sections' }).getByRole('tab', { name: 'All contacts' }).click();
    await page.getByLabel('Search contacts').fill('import');
    await page.locator('tr', { hasText: 'Marie, Import' }).getByText('Holiday Home', { exact: true }).waitFor();
  });
});
