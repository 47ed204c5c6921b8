import type { Page } from 'playwright-core';

/** The main navigation's screens (src/app/routes/app-nav.tsx). */
export type Screen = 'Keypad' | 'Contacts' | 'Calls' | 'Voicemail' | 'Unknown callers' | 'Team' | 'Admin console';

/** A main navigation link by its screen, with or without its count ("Voicemail, 2 unheard"). */
export const navLink = (page: Page, screen: Screen) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${screen}(, .+)?$`) });

/** Opens a screen from the main navigation, inside the page (no reload: the phone and any call go on). */
export async function openScreen(page: Page, screen: Screen): Promise<void> {
  await navLink(page, screen).click();
  await page.waitForFunction((s) => document.title.startsWith(s === 'Admin console' ? 'Numbers' : s), screen);
}

/** Opens one of the team area's screens: "Board", "All unknown callers", "Who would ring?". */
export async function openTeamScreen(page: Page, screen: 'Board' | 'All unknown callers' | 'Who would ring?') {
  await openScreen(page, 'Team');
  await page.getByRole('navigation', { name: 'Team', exact: true }).getByRole('link', { name: screen }).click();
}

/** Shows the account's actions (shortcuts, password, theme, sign out) where they are folded behind "Account". */
export async function openAccount(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Account', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Signs out from the top bar, as the person would. */
export async function signOutFromBar(page: Page): Promise<void> {
  await openAccount(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
}
