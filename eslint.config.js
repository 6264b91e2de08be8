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

/** Layering: who may import what (docs/architecture.md "Layers"). */
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
    // Browser mode's server: plain Node, the main-process handlers without Electron. (A bare
    // 'electron' pattern would also match the electron/ folder, so the package is a path.)
    files: ['host/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store'].map((name) => ({
            name,
            message: 'Bad layering: host/server/ runs in plain Node, never in Electron.',
          })),
          patterns: [
            {
              group: [
                '**/renderer/**',
                '**/electron/main/*',
                '!**/electron/main/security.ts',
                '**/electron/preload/**',
                '**/page/**',
              ],
              message:
                'Bad layering: host/server/ runs in plain Node: no renderer, and from electron/main only the pure security.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser mode's page bridge: runs in the browser, before the renderer.
    files: ['host/page/**/*.ts', 'host/protocol.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(
      'Bad layering: host/page/ runs in the browser: shared/, host/protocol.ts and the pure electron/preload/api.ts only.',
      [
        ...nodeBuiltins,
        'keytar',
        'electron-store',
        'conf',
        '**/electron/*/*',
        '!**/electron/preload/api.ts',
        '**/server/**',
        '**/service/**',
        '**/cli/**',
        '**/renderer/**',
      ],
    ),
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
