import type { Locator, Page } from 'playwright-core';

/** Opens the admin console's Numbers tab and one number's details (by id, e.g. num-sales). */
export async function openNumber(page: Page, id: string): Promise<void> {
  const admin = page.getByRole('button', { name: 'Admin console' });
  if ((await admin.getAttribute('aria-pressed')) !== 'true') await admin.click();
  const back = page.getByRole('button', { name: '← All numbers' });
  if (await back.isVisible()) await back.click();
  await page.locator(`tr[data-number="${id}"]`).getByRole('button').click();
  await page.getByRole('region', { name: 'Basic information' }).waitFor();
}

/** Reloads the app (reading everything back from the server) and opens the number again. */
export async function reloadAndOpen(page: Page, id: string): Promise<void> {
  await page.reload();
  await page.getByRole('button', { name: 'Admin console' }).waitFor();
  await openNumber(page, id);
}

export const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Save, then Confirm in the confirmation dialog. */
export async function saveConfirmed(page: Page, region: Locator): Promise<void> {
  await region.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
}

export async function saveAndWait(page: Page, region: Locator): Promise<void> {
  await saveConfirmed(page, region);
  await region.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** PUT the number's routing settings as the browser would, patched; answers the status and the error. */
export function putRouting(page: Page, id: string, patch: (routing: Record<string, unknown>) => Record<string, unknown>) {
  return page.evaluate(
    async ({ id, patchSource }) => {
      const number = await (await fetch(`/api/numbers/${id}`)).json();
      const apply = new Function('routing', `return (${patchSource})(routing)`) as (r: unknown) => unknown;
      const res = await fetch(`/api/numbers/${id}/routing`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(apply(number.routing)) });
      const body = await res.json();
      return { status: res.status, error: body.error as { code: string; message: string; path?: (string | number)[] } | undefined };
    },
    { id, patchSource: patch.toString() },
  );
}
