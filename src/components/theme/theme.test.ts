import { chooseTheme, savedTheme, startTheme, type ThemeHost } from './theme';

function host(systemDark: boolean) {
  const items = new Map<string, string>();
  const listeners = new Set<() => void>();
  const media = {
    matches: systemDark,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  const h = {
    storage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) },
    systemDark: media,
    root: { dataset: {} },
  } as unknown as ThemeHost;
  const systemChanges = (dark: boolean) => {
    media.matches = dark;
    listeners.forEach((l) => l());
  };
  return { h, systemChanges, listeners };
}

test('with no choice saved the theme follows the system, live, until stopped', () => {
  const { h, systemChanges, listeners } = host(true);
  const stop = startTheme(h);
  expect(h.root.dataset.theme).toBe('dark');
  systemChanges(false);
  expect(h.root.dataset.theme).toBe('light');
  stop();
  expect(listeners.size).toBe(0);
});

test('a chosen theme wins over the system, is applied at once and remembered', () => {
  const { h, systemChanges } = host(false);
  startTheme(h);
  chooseTheme('dark', h);
  expect(h.root.dataset.theme).toBe('dark');
  systemChanges(false);
  expect(h.root.dataset.theme).toBe('dark');
  expect(savedTheme(h)).toBe('dark');
  chooseTheme('system', h);
  expect(h.root.dataset.theme).toBe('light');
});

test('a saved value that is not a theme reads as "same as system"', () => {
  const { h } = host(false);
  h.storage.setItem('switchboard.theme', 'purple');
  expect(savedTheme(h)).toBe('system');
});
