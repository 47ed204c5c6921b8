import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { fencesPlugin } from './scripts/lint/fences.js';

const unused = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.run/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { fences: fencesPlugin },
    rules: {
      'fences/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', unused],
    },
  },
  // React's hook rules where React is: the app's code. Test fixtures named use*World are vitest set-ups.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Plain scripts that the benches load into Chromium pages.
  { files: ['test/bench/page-*.js'], languageOptions: { globals: globals.browser } },
  // Node scripts in plain JavaScript (this config, the fence rule).
  { files: ['*.js', 'scripts/**/*.js'], languageOptions: { globals: globals.node } },
);
