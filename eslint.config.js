// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

/**
 * Layering (docs/architecture.md "Layers"): every source file belongs to exactly one layer, each
 * layer names the repository folders and the npm packages it may import. One table; a file that no
 * layer covers is an error, and so is a package that no entry of PACKAGES places.
 */

/** Where each npm package (dependencies and devDependencies) can run. */
const PACKAGES = {
  // Pure JavaScript: runs in every layer.
  anywhere: ['zod', 'papaparse', 'exceljs', 'fflate', 'iconv-lite', 'ipaddr.js', 'i18next'],
  // React and its widgets: the renderer only.
  react: [
    'react',
    'react-dom',
    'react-aria-components',
    'react-i18next',
    '@tanstack/react-virtual',
  ],
  // The Electron runtime: electron/main and the preload only.
  electron: ['electron'],
  // Native or filesystem-backed stores of the main process: electron/ipc and electron/core.
  mainProcess: ['keytar', 'conf'],
  // Browser mode's server builds the renderer with vite.
  build: ['vite'],
  // Tests, benchmarks, scripts and configuration files only (everything else in package.json).
  tooling: [],
};

const declared = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const allPackages = Object.keys({ ...declared.dependencies, ...declared.devDependencies });
const placed = new Set(Object.values(PACKAGES).flat());
PACKAGES.tooling = allPackages.filter((name) => !placed.has(name));
const unknown = [...placed].filter((name) => !allPackages.includes(name));
if (unknown.length > 0)
  throw new Error(`eslint.config.js PACKAGES names packages not in package.json: ${unknown}`);

const NODE = 'node:*';

/**
 * The layers. `files`: the layer's files; `packages`: groups of PACKAGES (and NODE for node:*
 * builtins) it may import; `folders`: repository paths it must not import (patterns as in
 * no-restricted-imports); `globals`: the runtime's globals.
 */
const LAYERS = [
  {
    name: 'shared/',
    why: 'shared/ is pure TypeScript and imports nothing outside itself (no electron, node:*, DOM or React)',
    files: ['shared/**/*.ts'],
    packages: ['anywhere'],
    folders: [
      '**/electron/**',
      '**/renderer/**',
      '**/service/**',
      '**/cli/**',
      '**/host/**',
      '**/node-shared/**',
      '**/test/**',
    ],
    globals: {},
  },
  {
    name: 'node-shared/',
    why: 'node-shared/ is plain Node shared by service/, cli/ and electron/: shared/ and node:* only',
    files: ['node-shared/**/*.ts'],
    packages: ['anywhere', NODE],
    folders: ['**/electron/**', '**/renderer/**', '**/service/**', '**/cli/**', '**/host/**'],
    globals: globals.node,
  },
  {
    name: 'renderer/',
    why: 'renderer/ imports shared/ only and talks to the main process through window.allowlist',
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    packages: ['anywhere', 'react'],
    folders: ['**/electron/**', '**/node-shared/**', '**/service/**', '**/cli/**', '**/host/**'],
    globals: globals.browser,
  },
  {
    name: 'electron/preload/',
    why: 'the preload imports electron and the IPC contract (shared/contract/) only',
    files: ['electron/preload/**/*.ts'],
    packages: ['anywhere', 'electron'],
    folders: [
      '**/shared/*/*',
      '!**/shared/contract/*',
      '**/electron/main/**',
      '**/electron/ipc/**',
      '**/electron/core/**',
      '**/node-shared/**',
      '**/renderer/**',
      '**/service/**',
      '**/cli/**',
      '**/host/**',
    ],
    globals: globals.node,
  },
  {
    name: 'electron/main/',
    why: 'electron/ is the main process: never the renderer, browser mode or the CLI',
    files: ['electron/main/**/*.ts'],
    packages: ['anywhere', 'electron', NODE],
    folders: ['**/renderer/**', '**/host/**', '**/cli/**', '**/service/**'],
    globals: globals.node,
  },
  {
    name: 'electron/ipc/ and electron/core/',
    why: 'electron/ipc and electron/core are plain Node (browser mode runs them): no electron, renderer, browser mode or CLI; from service/ only server.ts (the demo)',
    files: ['electron/ipc/**/*.ts', 'electron/core/**/*.ts'],
    packages: ['anywhere', 'mainProcess', NODE],
    folders: [
      '**/renderer/**',
      '**/host/**',
      '**/cli/**',
      '**/electron/main/**',
      '**/electron/preload/**',
      '**/service/**',
      '!**/service/server.ts',
    ],
    globals: globals.node,
  },
  {
    name: 'host/server/',
    why: 'host/server/ runs in plain Node: no renderer, and from electron/main only the pure security.ts',
    files: ['host/server/**/*.ts'],
    packages: ['anywhere', 'mainProcess', 'build', NODE],
    folders: [
      '**/renderer/**',
      '**/electron/main/*',
      '!**/electron/main/security.ts',
      '**/electron/preload/**',
      '**/page/**',
      '**/cli/**',
      '**/service/**',
    ],
    globals: globals.node,
  },
  {
    name: 'host/page/',
    why: 'host/page/ runs in the browser: shared/, host/protocol.ts and the pure electron/preload/api.ts only',
    files: ['host/page/**/*.ts', 'host/protocol.ts'],
    packages: ['anywhere'],
    folders: [
      '**/electron/*/*',
      '!**/electron/preload/api.ts',
      '**/server/**',
      '**/node-shared/**',
      '**/service/**',
      '**/cli/**',
      '**/renderer/**',
    ],
    globals: globals.browser,
  },
  {
    name: 'service/ and cli/',
    why: 'service/ and cli/ import shared/ and node-shared/ only (no electron, keytar or renderer)',
    files: ['service/**/*.{ts,js}', 'cli/**/*.{ts,js}'],
    packages: ['anywhere', NODE],
    folders: ['**/renderer/**', '**/electron/**', '**/host/**'],
    globals: globals.node,
  },
  {
    name: 'tooling',
    why: 'tests, benchmarks, scripts and configuration run in Node and may import anything',
    files: [
      'test/**/*.ts',
      'bench/**/*.{ts,js}',
      'scripts/**/*.{ts,js}',
      'build/**/*.ts',
      '*.config.{ts,js}',
      'renderer/vite.config.ts',
    ],
    packages: ['anywhere', 'react', 'electron', 'mainProcess', 'build', 'tooling', NODE],
    folders: [],
    globals: globals.node,
  },
];

/** no-restricted-imports for one layer: every package it may not use, and the folders. */
function layerRules(layer) {
  const message = `Bad layering: ${layer.why}.`;
  const allowed = new Set(layer.packages.flatMap((group) => PACKAGES[group] ?? []));
  const denied = allPackages.filter((name) => !allowed.has(name));
  const builtins = layer.packages.includes(NODE)
    ? []
    : builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));
  const names = [...denied, ...builtins];
  const packagePatterns = [
    ...names.map((name) => `${name}/*`),
    ...(layer.packages.includes(NODE) ? [] : ['node:*']),
  ];
  return {
    'no-restricted-imports': [
      'error',
      {
        // A bare package pattern would also match a folder of that name (electron/): names are
        // paths, their subpaths patterns.
        paths: names.map((name) => ({ name, message })),
        patterns: [
          ...(packagePatterns.length > 0 ? [{ group: packagePatterns, message }] : []),
          ...(layer.folders.length > 0 ? [{ group: layer.folders, message }] : []),
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tsbuild/',
      'test-results/',
      'playwright-report/',
      '**/*.d.ts',
      // AssemblyScript (its own types: u32, load<T>...), compiled by scripts/build-wasm.ts.
      'wasm/',
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
      // Cycles among our own modules; never parse a package's (binaryen's is 13 MB).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
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
  ...LAYERS.map((layer) => ({
    files: layer.files,
    ...(layer.ignores ? { ignores: layer.ignores } : {}),
    languageOptions: { globals: layer.globals },
    rules: layerRules(layer),
  })),
  {
    // Every source file is in a layer: one that none covers is rejected until it is placed.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: LAYERS.flatMap((layer) => layer.files),
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message:
            'This file is in no layer: add its folder to LAYERS in eslint.config.js (docs/architecture.md "Layers").',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);
