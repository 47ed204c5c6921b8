import { applySavedTheme, chooseTheme, savedTheme, type ThemeHost } from './theme';

function host(): ThemeHost {
  const items = new Map<string, string>();
  return {
    storage: { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) },
    root: { dataset: {} },
  };
}

test('with no choice saved the page is left to follow the system (no data-theme)', () => {
  const h = host();
  applySavedTheme(h);
  expect(savedTheme(h)).toBe('system');
  expect(h.root.dataset.theme).toBeUndefined();
});

test('a chosen theme is pinned at once and remembered; "same as system" unpins it', () => {
  const h = host();
  chooseTheme('dark', h);
  expect(h.root.dataset.theme).toBe('dark');
  const reloaded: ThemeHost = { ...h, root: { dataset: {} } };
  applySavedTheme(reloaded);
  expect(reloaded.root.dataset.theme).toBe('dark');
  chooseTheme('system', h);
  expect(h.root.dataset.theme).toBeUndefined();
  expect(savedTheme(h)).toBe('system');
});

test('a saved value that is not a theme reads as "same as system"', () => {
  const h = host();
  h.storage.setItem('switchboard.theme', 'purple');
  expect(savedTheme(h)).toBe('system');
});
