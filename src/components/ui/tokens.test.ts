import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '../..');
const TOKENS = join(import.meta.dirname, 'tokens.css');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}
const sheets = cssFiles(SRC).filter((f) => f !== TOKENS);
const defined = new Set([...readFileSync(TOKENS, 'utf8').matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));

test('the app has style sheets to check', () => {
  expect(sheets.length).toBeGreaterThan(3);
});

test('every colour in the app comes from the design tokens, none is written in a style sheet of its own', () => {
  const colours = sheets.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/gi)].map(
      (m) => `${relative(SRC, f)}: ${m[0]}`,
    ),
  );
  expect(colours).toEqual([]);
});

test('every token a style sheet uses is defined in tokens.css (a misspelt one would paint nothing)', () => {
  const unknown = sheets.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/var\((--[a-z0-9-]+)/g)]
      .filter((m) => !defined.has(m[1]))
      .map((m) => `${relative(SRC, f)}: ${m[1]}`),
  );
  expect(unknown).toEqual([]);
});
