/**
 * The app's colour theme: the agent's choice (system, light or dark), kept in this browser, resolved to light or dark
 * on <html data-theme>, which tokens.css reads. "System" follows the operating system's setting live.
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
  /** `(prefers-color-scheme: dark)`. */
  systemDark: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;
  root: HTMLElement;
}

const browserHost = (): ThemeHost => ({
  storage: localStorage,
  systemDark: matchMedia('(prefers-color-scheme: dark)'),
  root: document.documentElement,
});

const isChoice = (v: unknown): v is ThemeChoice => THEME_CHOICES.some((c) => c.value === v);

export function savedTheme(host: Pick<ThemeHost, 'storage'> = browserHost()): ThemeChoice {
  const v = host.storage.getItem(KEY);
  return isChoice(v) ? v : 'system';
}

function apply(host: ThemeHost) {
  const choice = savedTheme(host);
  const dark = choice === 'dark' || (choice === 'system' && host.systemDark.matches);
  host.root.dataset.theme = dark ? 'dark' : 'light';
}

/** Applies the saved choice now and whenever the system's setting changes; returns the stop function. */
export function startTheme(host: ThemeHost = browserHost()): () => void {
  apply(host);
  const follow = () => apply(host);
  host.systemDark.addEventListener('change', follow);
  return () => host.systemDark.removeEventListener('change', follow);
}

/** Saves the agent's choice and applies it at once. */
export function chooseTheme(choice: ThemeChoice, host: ThemeHost = browserHost()) {
  host.storage.setItem(KEY, choice);
  apply(host);
}
