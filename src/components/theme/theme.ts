/**
 * The app's colour theme: the agent's choice (system, light or dark), kept in this browser. "System" leaves <html>
 * without data-theme, so tokens.css follows the operating system's setting live, with no script; light or dark pins
 * it with data-theme.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Same as system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const KEY = 'switchboard.theme';

/** What the theme module touches, injected so it can be tested without a browser. */
export interface ThemeHost {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  root: { dataset: DOMStringMap };
}

const browserHost = (): ThemeHost => ({ storage: localStorage, root: document.documentElement });

const isChoice = (v: unknown): v is ThemeChoice => THEME_CHOICES.some((c) => c.value === v);

export function savedTheme(host: Pick<ThemeHost, 'storage'> = browserHost()): ThemeChoice {
  const v = host.storage.getItem(KEY);
  return isChoice(v) ? v : 'system';
}

/** Applies the choice saved in this browser (at start-up, before the first render). */
export function applySavedTheme(host: ThemeHost = browserHost()) {
  const choice = savedTheme(host);
  if (choice === 'system') delete host.root.dataset.theme;
  else host.root.dataset.theme = choice;
}

/** Saves the agent's choice and applies it at once. */
export function chooseTheme(choice: ThemeChoice, host: ThemeHost = browserHost()) {
  host.storage.setItem(KEY, choice);
  applySavedTheme(host);
}
