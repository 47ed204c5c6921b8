import type { Page } from 'playwright-core';

/** The main navigation's screens (src/app/routes/app-nav.tsx). */
export type Screen = 'Keypad' | 'Contacts' | 'Calls' | 'Voicemail' | 'Unknown callers' | 'Team' | 'Admin console';

/** Opens a screen from the main navigation, inside the page (no reload: the phone and any call go on). */
export async function openScreen(page: Page, screen: Screen): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
  await page.waitForFunction((s) => document.title.startsWith(s === 'Admin console' ? 'Numbers' : s), screen);
}

/** Opens one of the team area's screens: "Board", "All unknown callers", "Who would ring?". */
export async function openTeamScreen(page: Page, screen: 'Board' | 'All unknown callers' | 'Who would ring?') {
  await openScreen(page, 'Team');
  await page.getByRole('navigation', { name: 'Team', exact: true }).getByRole('link', { name: screen }).click();
}
