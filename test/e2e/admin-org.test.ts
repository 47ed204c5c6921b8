import type { Page } from 'playwright-core';
import {
  adminSession,
  getJson,
  openAdminTab,
  region,
  reloadTab,
  saveAndWait,
  saveBar,
  saveConfirmed,
} from '../support/admin-org-page';

// Company and main number settings; staff and contacts are in admin-org-people.test.ts.
const admin = adminSession({ http: 18280, sip: 15260, ws: 15266, rtpNg: 22500, rtpMin: 31500, rtpMax: 31599 });
let page: Page;
beforeAll(() => {
  page = admin();
});

type Company = {
  company: {
    source: string;
    defaultRule: { kind: string; staffIds?: string[] };
    customRules: { name: string; activeHours: unknown; route: unknown }[];
  };
};

describe('company number', () => {
  const settings = () => region(page, 'Company number settings');
  const rule = (n: number) => settings().getByRole('group', { name: `Custom rule ${n}`, exact: true });

  test('an overlapping custom rule is refused beside its active hours and nothing is saved', async () => {
    await openAdminTab(page, 'Company number');
    await rule(3).getByLabel('Rule name').waitFor();
    await settings().getByRole('button', { name: 'Add custom rule' }).click();
    await rule(4).getByLabel('Rule name').fill('Saturday morning');
    // The new rule's Sat–Sun 09:00–17:00 runs into "Weekend cover" (Sat–Sun 10:00–16:00).
    await saveConfirmed(page);
    const alert = rule(4)
      .getByRole('alert')
      .filter({ hasText: /Overlaps rule 'Weekend cover'/ });
    await alert.waitFor();
    expect(await alert.getAttribute('data-path')).toBe('customRules.3.activeHours');
    expect(await saveBar(page).locator('.save-status').textContent()).toBe('Unsaved changes');
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
    await saveConfirmed(page);
    await rule(4)
      .getByRole('alert')
      .filter({ hasText: /Start the number with \+/ })
      .waitFor();

    await rule(4).getByLabel('Phone number').fill('+44 20 7946 0111');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await saveBar(page).locator('.save-status').textContent()).toBe('Unsaved changes');
    await saveAndWait(page);

    await reloadTab(page, 'Company number');
    expect(await settings().getByLabel('Source', { exact: true }).inputValue()).toBe('Spring campaign');
    expect(await region(page, 'Default rule').getByRole('radio', { name: 'Blast' }).getAttribute('aria-checked')).toBe(
      'true',
    );
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
    for (const name of ['Carol Agent', 'Dave Agent', 'Ada Admin'])
      await defaultRule.getByRole('checkbox', { name }).check();
    await defaultRule.getByText('5 of 5 chosen').waitFor();
    expect(await defaultRule.getByRole('checkbox', { name: 'Sam Supervisor' }).isDisabled()).toBe(true);
    await saveBar(page).getByRole('button', { name: 'Discard changes' }).click();

    const refused = await page.evaluate(async () => {
      const number = await (await fetch('/api/numbers/num-company')).json();
      const staffIds = ['staff-admin', 'staff-super', 'staff-alice', 'staff-bob', 'staff-carol', 'staff-dave'];
      const body = { ...number.company, defaultRule: { kind: 'blast', staffIds, ringTimeoutSeconds: 30 } };
      const res = await fetch('/api/numbers/num-company/company', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
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
    await saveConfirmed(page);
    await outOfHours.getByRole('alert').filter({ hasText: 'Ring for at least 5 seconds' }).waitFor();
    expect((await getJson<{ main: { state: string } }>(page, '/api/numbers/num-main')).main.state).toBe('active');

    await outOfHours.getByLabel(/^Hunt group ring time/).fill('25');
    await saveAndWait(page);
    await reloadTab(page, 'Main number');
    expect(await handling().getByRole('radio', { name: 'Reserved' }).getAttribute('aria-checked')).toBe('true');
    expect(
      await region(page, 'In hours')
        .getByLabel(/^Greeting shown/)
        .inputValue(),
    ).toBe('Acme reception: book a viewing or take a message.');
    expect(await region(page, 'Out of hours').getByRole('checkbox', { name: 'Carol Agent' }).isChecked()).toBe(true);
    expect(
      await region(page, 'Out of hours')
        .getByLabel(/^Hunt group ring time/)
        .inputValue(),
    ).toBe('25');
    expect(
      await region(page, 'Out of hours').getByRole('radio', { name: 'End the call' }).getAttribute('aria-checked'),
    ).toBe('true');
  });

  test('business hours: an overlapping range is refused beside it; a Saturday range is saved', async () => {
    await openAdminTab(page, 'Main number');
    const hours = region(page, 'Business hours');
    await hours.getByRole('button', { name: 'Add opening hours' }).click();
    const second = hours.getByRole('group', { name: 'Opening hours 2' });
    await second.getByRole('checkbox', { name: 'Sat' }).uncheck();
    await second.getByRole('checkbox', { name: 'Mon' }).check();
    await saveConfirmed(page);
    await second
      .getByRole('alert')
      .filter({ hasText: /Overlaps opening hours 1/ })
      .waitFor();

    await second.getByRole('checkbox', { name: 'Mon' }).uncheck();
    await second.getByRole('checkbox', { name: 'Sat' }).check();
    await saveAndWait(page);
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
    expect(
      await getJson<{ section: string }[]>(page, '/api/numbers/num-main/changes').then(
        (c) => c.filter((e) => e.section === 'pin').length,
      ),
    ).toBe(0);

    await pin.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reset PIN' }).click();
    await pin.getByRole('status').filter({ hasText: 'PIN reset to the default' }).waitFor();
    await pin.getByText('It is the default PIN.').waitFor();
    const changes = await getJson<{ section: string; summary: string; changedBy: { name: string } }[]>(
      page,
      '/api/numbers/num-main/changes',
    );
    expect(changes.find((c) => c.section === 'pin')).toMatchObject({
      summary: 'Voicemail PIN reset to the default',
      changedBy: { name: 'Ada Admin' },
    });
    // Never shown anywhere in the console (the phone's own numbers, such as +44 20 7946 0000, are not the PIN).
    expect(await page.locator('.admin').textContent()).not.toContain('0000');
  });
});
