// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'worker_threads',
  'stream',
];

/** Layering: who may import what (see ARCHITECTURE.md "Layers"). */
const layer = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tsbuild/',
      'test-results/',
      'playwright-report/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // The legacy 'node' resolver crashes on packages like vite ("invalid interface"): use import-x's own.
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-default-export': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test hides the rest of the suite.' },
        {
          object: 'test',
          property: 'only',
          message: 'A focused test hides the rest of the suite.',
        },
        {
          object: 'describe',
          property: 'only',
          message: 'A focused test hides the rest of the suite.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: layer(
      'Bad layering: shared/ is pure TypeScript and imports nothing outside itself (no electron, node:*, DOM or React).',
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        'react/*',
        'keytar',
        'electron-store',
        'conf',
        '**/electron/**',
        '**/renderer/**',
        '**/service/**',
        '**/cli/**',
        '**/test/**',
      ],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        'Bad layering: renderer/ imports shared/ only and talks to the main process through window.allowlist.',
        [
          ...nodeBuiltins,
          'electron',
          'keytar',
          'electron-store',
          'conf',
          '**/electron/**',
          '**/service/**',
          '**/cli/**',
        ],
      ),
    },
  },
  {
    files: ['service/**/*.ts', 'cli/**/*.ts'],
    rules: layer(
      'Bad layering: service/ and cli/ import shared/ only (no electron, keytar or renderer).',
      ['electron', 'keytar', 'electron-store', '**/renderer/**', '**/electron/**'],
    ),
  },
  prettier,
);
