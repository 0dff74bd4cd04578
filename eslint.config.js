import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Folders are named by where their code runs; these rules keep each in its lane.
const rendererForbidden = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'The renderer never imports Electron: use the api client.' },
    { group: ['better-sqlite3'], message: 'The renderer never touches SQLite: use the api client.' },
    { group: ['**/electron/core', '**/electron/core/**'], message: 'The renderer never imports electron/core: use the api client.' },
    { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer runs in a browser sandbox: no Node modules.' },
  ],
};
const coreForbidden = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'electron/core is plain Node: it never imports Electron.' },
    { group: ['react', 'react-dom', 'react/*'], message: 'electron/core never imports React.' },
    { group: ['**/api/**', '!**/api/contract/**', '!**/api/contract.js', '**/main/**', '**/preload/**', '**/serve/**', '**/cli/**'], message: 'electron/core is the bottom layer: it imports nothing above it.' },
    { group: ['**/api/contract/**', '**/api/contract.js'], allowTypeImports: true, message: 'electron/core may use the contract\'s types only (import type).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn', 'no-restricted-imports': ['error', rendererForbidden] } },
  // The Vite config runs in Node at build time and shares the window's CSP with main.
  { files: ['renderer/vite.config.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['electron/core/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', coreForbidden] } },
  { files: ['electron/api/**/*.ts'], ignores: ['electron/api/handlers.ts', 'electron/api/handlers/**'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['electron', '**/core/**', 'better-sqlite3'], message: 'The contract is shared with the renderer: it may not import core, Electron or SQLite.' }] }] } },
);
