import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchAgent, signInAndRegister, type Agent } from './agent-browser';
import { openScreen } from './app-nav';
import { startE2eStack } from './e2e-stack';
import { writeToneWav } from './tone-wav';

/**
 * Opens the admin console (if it is not open) and one of its sections from its navigation: "Numbers",
 * "Company number", "Main number", "Greetings", "Staff", "Presence", "Contacts".
 */
export async function openAdminTab(page: Page, tab: string): Promise<void> {
  const sections = page.getByRole('navigation', { name: 'Admin sections' });
  if (!(await sections.isVisible())) await openScreen(page, 'Admin console');
  await sections.getByRole('link', { name: tab, exact: true }).click();
  await page.waitForFunction((t) => document.title.startsWith(t), tab);
}

/** Reloads the app (the URL keeps the section), reading everything back from the server, and opens it again. */
export async function reloadTab(page: Page, tab: string): Promise<void> {
  await page.reload();
  await page.getByRole('navigation', { name: 'Admin sections' }).waitFor();
  await openAdminTab(page, tab);
}

export const region = (scope: Page | Locator, name: string) => scope.getByRole('region', { name, exact: true });

/** The settings page's one save bar (Save, Discard changes, the outcome). */
export const saveBar = (page: Page) => page.getByRole('region', { name: /^Save .* settings$/ });

/** Save in the page's save bar, then Confirm in the confirmation dialog. */
export async function saveConfirmed(page: Page): Promise<void> {
  await saveBar(page).getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
}

export async function saveAndWait(page: Page): Promise<void> {
  await saveConfirmed(page);
  await saveBar(page).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
}

/** GET a JSON resource as the signed-in browser. */
export function getJson<T = unknown>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

/**
 * Starts the real stack on `ports` and signs the admin in, in beforeAll; stops both in afterAll.
 * Returns a getter for the admin's page.
 */
export function adminSession(ports: Parameters<typeof startE2eStack>[0]): () => Page {
  let stack: Awaited<ReturnType<typeof startE2eStack>> | undefined;
  let admin: Agent | undefined;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-tones-'));
    writeToneWav(join(dir, 'tone.wav'), 440);
    stack = await startE2eStack(ports);
    admin = await launchAgent({ micWav: join(dir, 'tone.wav') });
    await admin.page.setViewportSize({ width: 1400, height: 2400 });
    // Reloading with unsaved edits makes the browser ask first: these tests mean to leave.
    admin.page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : undefined));
    await signInAndRegister(admin.page, stack.url, 'admin@acme.test');
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });
  return () => {
    if (!admin) throw new Error('the admin is not signed in');
    return admin.page;
  };
}
