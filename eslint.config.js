// Lint enforces the layer boundaries from STYLE.md, so they hold without anyone remembering them.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const UI_AND_STATE = ['**/store', '**/store/**', '**/features/**', '**/components/**', '**/app/**'];
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A no-restricted-imports rule from pattern groups, each with the reason shown to the developer. */
const restrict = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'dev-dist/', 'bench/.cache/', 'sync-server/build/', '.sync-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // A runtime import cycle lets module order decide what is initialised when; type-only imports
    // are erased and do not count.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts', 'bench/**/*.mjs', 'sync-server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed to follow their imports; without the TS parser they read as empty.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**'],
    rules: { 'no-restricted-imports': restrict([['dexie', 'dexie*'], 'Only src/storage talks to IndexedDB.']) },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        [['react', 'react-*', 'react/*', 'dexie', 'dexie*', 'zustand', 'zustand/*'], 'src/domain is pure TypeScript.'],
        [['**/storage', '**/storage/**', ...UI_AND_STATE], 'src/domain imports only src/domain.'],
        [['ts-fsrs'], 'Only src/domain/scheduling imports ts-fsrs.'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in; domain code never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in; domain code never reads the clock.' },
      ],
    },
  },
  {
    files: ['src/domain/scheduling/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [['react', 'react-*', 'dexie', 'dexie*', 'zustand', 'zustand/*'], 'src/domain is pure TypeScript.'],
        [['**/storage', '**/storage/**', ...UI_AND_STATE], 'src/domain imports only src/domain.'],
      ),
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([[...UI_AND_STATE, 'react', 'react-*'], 'src/storage speaks domain types only.']) },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [['dexie', 'dexie*'], 'Only src/storage talks to IndexedDB.'],
        [['**/features/**', '**/components/**', '**/app/**'], 'The store does not know about React screens.'],
      ),
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [['dexie', 'dexie*', '**/storage', '**/storage/**', '../sync', '../sync/**', '../../sync', '../../sync/**'], 'Components never touch storage or the sync engine.'],
        [['**/store', '**/store/**', '**/features/**', '**/app/**'], 'Shared components only take props.'],
      ),
    },
  },
  {
    files: ['sync-server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [['**/src/storage/**', '**/src/store/**', '**/src/features/**', '**/src/components/**', '**/src/app/**', '**/src/sync/**', 'react', 'react-*', 'dexie'], 'The sync server imports only shared code from src/domain/sync.'],
      ),
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrict(
        [['dexie', 'dexie*', '**/storage', '**/storage/**', '../../sync', '../../sync/**'], 'Components never import storage or the sync engine; go through the store.'],
        [['**/app/**'], 'Features do not import the app shell; app/ composes features.'],
        [features.filter((f) => f !== feature).flatMap((f) => [`../${f}/**`, `**/features/${f}/**`]), 'Features do not import each other.'],
      ),
    },
  })),
);
