import type { Page } from 'playwright-core';
import { adminSession, getJson, openAdminTab, region, reloadTab } from '../support/admin-org-page';

// Staff and contacts; company and main number settings are in admin-org.test.ts.
const admin = adminSession({ http: 18380, sip: 15360, ws: 15366, rtpNg: 22600, rtpMin: 31600, rtpMax: 31699 });
let page: Page;
beforeAll(() => {
  page = admin();
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
    await form.getByLabel('Initial password').fill('tidal-copper-lantern');
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await form
      .locator('label', { hasText: 'Extension' })
      .getByRole('alert')
      .filter({ hasText: 'An extension is 3 to 6 digits' })
      .waitFor();
    expect((await getJson<{ email: string }[]>(page, '/api/staff')).some((s) => s.email === 'erin@acme.test')).toBe(
      false,
    );

    await form.getByLabel('Extension').fill('1010');
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await reloadTab(page, 'Staff');
    const row = list().locator('tr', { hasText: 'Erin Agent' });
    for (const text of ['erin@acme.test', 'Supervisor', '1010']) await row.getByText(text, { exact: true }).waitFor();
  });

  test('editing a role and extension; a taken extension is refused beside it', async () => {
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
    await form
      .locator('label', { hasText: 'Primary phone' })
      .getByRole('alert')
      .filter({ hasText: 'not a valid phone number' })
      .waitFor();
    expect((await getJson<{ name: string }[]>(page, '/api/contacts')).some((c) => c.name === 'Grace Hopper')).toBe(
      false,
    );

    await form.getByLabel('Primary phone').fill('07911 223301');
    await form.getByRole('button', { name: 'Create contact' }).click();
    await form
      .locator('label', { hasText: 'Primary phone' })
      .getByRole('alert')
      .filter({ hasText: 'Start the number with +' })
      .waitFor();
    await form.getByLabel('Primary phone').fill('+44 7911 223301');
    await form.getByRole('button', { name: 'Create contact' }).click();

    await page.reload();
    await openContacts('All contacts');
    await page.locator('.admin').getByLabel('Search contacts').fill('grace');
    const row = page.locator('tr', { hasText: 'Grace Hopper' });
    await row.waitFor();
    for (const text of [
      '07911 223301',
      '020 7946 0777',
      'Office · Front desk',
      'Carol Agent',
      'Conference',
      'speaker',
      'vip',
    ])
      expect(await row.textContent()).toContain(text);
    await page.locator('.admin').getByLabel('Search contacts').fill('020 7946 0777');
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
    await result
      .locator('li[data-line="3"]')
      .filter({ hasText: /Line 3 \(column Phone\): Start the number with \+/ })
      .waitFor();
    expect(await result.locator('li').count()).toBe(1);

    const contacts = await getJson<
      { name: string; source: string; additionalPhones: { number: string; itemTypeId?: string }[] }[]
    >(page, '/api/contacts');
    expect(contacts.find((c) => c.name === 'Broken Row')).toBeUndefined();
    expect(contacts.find((c) => c.name === 'Linus Import')).toMatchObject({
      source: 'Spring import',
      additionalPhones: [
        { number: '+442079460201', itemTypeId: 'itemtype-office' },
        { number: '+34912340201', itemTypeId: 'itemtype-holiday' },
      ],
    });
    await page.getByRole('tablist', { name: 'Contact sections' }).getByRole('tab', { name: 'All contacts' }).click();
    await page.locator('.admin').getByLabel('Search contacts').fill('import');
    await page.locator('tr', { hasText: 'Marie, Import' }).getByText('Holiday Home', { exact: true }).waitFor();
  });
});
