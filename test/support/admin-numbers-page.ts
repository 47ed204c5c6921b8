import type { Locator, Page } from 'playwright-core';
import { openAdminTab } from './admin-org-page';

/** Opens the admin console's Numbers section and one number's page (by id, e.g. num-sales), as an admin clicks. */
export async function openNumber(page: Page, id: string): Promise<void> {
  await openAdminTab(page, 'Numbers');
  await page.locator(`tr[data-number="${id}"]`).getByRole('button').click();
  await page.getByRole('region', { name: 'Basic information' }).waitFor();
}

/** Reloads the app on the number's own URL (reading everything back from the server): its page opens again. */
export async function reloadAndOpen(page: Page, id: string): Promise<void> {
  await page.reload();
  await page.waitForURL((url) => url.pathname === `/admin/numbers/${id}`);
  await page.getByRole('region', { name: 'Basic information' }).waitFor();
}

export const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** A settings section of the page, opened first if it is closed. */
export async function openSection(page: Page, name: string): Promise<Locator> {
  const region = section(page, name);
  const details = region.locator('details').first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await region.locator('summary').first().click();
  return region;
}

/** The settings page's one save bar (Save, Discard changes, the outcome). */
export const saveBar = (page: Page) => page.getByRole('region', { name: /^Save .* settings$/ });

/** Save, then Confirm in the confirmation dialog. */
export async function saveConfirmed(page: Page): Promise<void> {
  await saveBar(page).getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
}

export async function saveAndWait(page: Page): Promise<void> {
  await saveConfirmed(page);
  await saveBar(page).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** Leaving a page with unsaved edits makes the browser ask (beforeunload): tests that reload mean to leave. */
export function leaveWithoutAsking(page: Page): void {
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : undefined));
}

/** PUT the number's routing settings as the browser would, patched; answers the status and the error. */
export function putRouting(
  page: Page,
  id: string,
  patch: (routing: Record<string, unknown>) => Record<string, unknown>,
) {
  return page.evaluate(
    async ({ id, patchSource }) => {
      const number = await (await fetch(`/api/numbers/${id}`)).json();
      const apply = new Function('routing', `return (${patchSource})(routing)`) as (r: unknown) => unknown;
      const res = await fetch(`/api/numbers/${id}/routing`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(apply(number.routing)),
      });
      const body = await res.json();
      return {
        status: res.status,
        error: body.error as { code: string; message: string; path?: (string | number)[] } | undefined,
      };
    },
    { id, patchSource: patch.toString() },
  );
}
