import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where code may run is part of its folder name, and lint enforces it:
// - electron/core, electron/server, electron/contract and db/ must run in plain Node, so never
//   import `electron` (tests and `npm run serve` build them without it);
// - electron/contract and renderer/ must not import Node built-ins or the core (the renderer
//   runs in a sandboxed page and only talks through the contract).
const noElectron = {
  paths: [{ name: 'electron', message: 'The brain runs in plain Node: no electron here (see ARCHITECTURE.md).' }],
  patterns: [{ group: ['electron/*'], message: 'The brain runs in plain Node: no electron here.' }],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'db/migrations/**', '.cache/**', '.scratch/**', '.plans-scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Image generators run code inside Chromium pages (page.evaluate).
    files: ['scripts/make-*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['electron/core/**', 'electron/server/**', 'db/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: noElectron.paths, patterns: [...noElectron.patterns, { group: nodeBuiltins, message: 'The contract is shared with the renderer: zod only.' }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            ...noElectron.patterns,
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node APIs.' },
            { group: ['**/electron/core', '**/electron/core/**', '**/electron/server', '**/electron/server/**', '**/db', '**/db/**'], message: 'The renderer reaches the core only through the contract.' },
          ],
        },
      ],
    },
  },
);
