import type { Locator, Page } from 'playwright-core';

/** Opens the admin console (if it is not open) and one of its tabs: "Company number", "Main number", "Staff", "Contacts". */
export async function openAdminTab(page: Page, tab: string): Promise<void> {
  const admin = page.getByRole('button', { name: 'Admin console' });
  if ((await admin.getAttribute('aria-pressed')) !== 'true') await admin.click();
  await page.getByRole('tablist', { name: 'Admin sections' }).getByRole('tab', { name: tab, exact: true }).click();
}

/** Reloads the app, reading everything back from the server, and opens the tab again. */
export async function reloadTab(page: Page, tab: string): Promise<void> {
  await page.reload();
  await page.getByRole('button', { name: 'Admin console' }).waitFor();
  await openAdminTab(page, tab);
}

export const region = (scope: Page | Locator, name: string) => scope.getByRole('region', { name, exact: true });

/** Save, then Confirm in the confirmation dialog. */
export async function saveConfirmed(page: Page, scope: Locator): Promise<void> {
  await scope.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
}

export async function saveAndWait(page: Page, scope: Locator): Promise<void> {
  await saveConfirmed(page, scope);
  await scope.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** GET a JSON resource as the signed-in browser. */
export function getJson<T = unknown>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}
