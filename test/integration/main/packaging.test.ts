import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './built-app.ts';

/**
 * The packaging check: electron-builder `--dir` with ./electron-builder.json, run offline around a
 * stand-in Electron folder (`electronDist`: the real release zip needs github.com). The stand-in
 * executable carries a fuse wire (sentinel + version + length + states, as @electron/fuses reads
 * it), so the check also sees the fuses electron-builder flips. Reads the app.asar back: what
 * main needs at run time is there, nothing else (no sources, tests, source maps or dev deps).
 */

const work = mkdtempSync(join(tmpdir(), 'allowlist-package-'));
const fakeElectron = join(work, 'electron-dist');
const out = join(work, 'out');
const appOut = join(out, 'linux-unpacked');
const asarPath = join(appOut, 'resources', 'app.asar');
let files: string[] = [];
let log = '';

// Electron's own fuse defaults, before electron-builder flips them (electron/build/fuses/fuses.json5).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';
// Fuse states as bytes on the wire (@electron/fuses FuseState, not exported by its index).
const ENABLE = '1'.charCodeAt(0);
const DISABLE = '0'.charCodeAt(0);

beforeAll(() => {
  buildApp();
  mkdirSync(fakeElectron, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
  ]);
  writeFileSync(
    join(fakeElectron, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), wire]),
    {
      mode: 0o755,
    },
  );
  writeFileSync(join(fakeElectron, 'LICENSE'), 'stand-in');
  writeFileSync(join(fakeElectron, 'version'), '45.5.0');
  const result = spawnSync(
    'node_modules/.bin/electron-builder',
    [
      '--linux',
      '--dir',
      '--publish',
      'never',
      `-c.electronDist=${fakeElectron}`,
      `-c.directories.output=${out}`,
    ],
    // Without VITEST in its environment: electron-builder silences its own log under Vitest.
    { encoding: 'utf8', env: withoutVitest() },
  );
  log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`electron-builder --dir failed:\n${log}`);
  files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function withoutVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
}

/** Top-level package folders inside the asar (`node_modules/x`, `node_modules/@s/x`). */
function packagesIn(list: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of list) {
    const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f);
    if (m) names.add(m[1]!);
  }
  return names;
}

/** keytar and what it declares, transitively, from package-lock.json (what npm installs with it). */
function keytarClosure(): Set<string> {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string> }>;
  };
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {}))
      visit(dep);
  };
  visit('keytar');
  return seen;
}

describe('electron-builder --dir with electron-builder.json (stand-in Electron)', () => {
  it('loads the project configuration and flips the hardened fuses', async () => {
    expect(log).toMatch(/loaded configuration\s+file=.*electron-builder\.json/);
    expect(existsSync(join(appOut, 'ip-allowlist-manager'))).toBe(true);
    const fuses = await getCurrentFuseWire(join(appOut, 'ip-allowlist-manager'));
    const state = (o: FuseV1Options) => fuses[o];
    expect(state(FuseV1Options.RunAsNode)).toBe(DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(DISABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(ENABLE);
  });

  it('holds the bundles main, the preload and the worker need, and the renderer index.html refers to', () => {
    for (const f of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/import-worker.mjs',
      '/dist/renderer/index.html',
    ])
      expect(files).toContain(f);
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    const html = extractFile(asarPath, 'dist/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets)
      expect(files, asset).toContain(`/dist/renderer/${asset.replace(/^\.\//, '')}`);
  });

  it('has nothing else: no sources, tests, source maps, configs, or bundled libraries again', () => {
    const outsideDist = files.filter(
      (f) =>
        !f.startsWith('/dist/') &&
        !f.startsWith('/node_modules') &&
        f !== '/package.json' &&
        f !== '/dist',
    );
    expect(outsideDist).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => !f.startsWith('/node_modules/') && /\.tsx?$/.test(f))).toEqual([]);
    // Only keytar and what npm installs with it; none of the libraries the bundles inline.
    const packages = packagesIn(files);
    expect(packages.has('keytar')).toBe(true);
    const closure = keytarClosure();
    expect([...packages].filter((p) => !closure.has(p))).toEqual([]);
    for (const inlined of ['react', 'zod', 'exceljs', 'conf', 'i18next', 'electron', 'vite'])
      expect(packages.has(inlined), inlined).toBe(false);
    const asarMb = statSync(asarPath).size / 1048576;
    console.log(
      `app.asar: ${files.length} entries, ${packages.size} packages, ${asarMb.toFixed(1)} MB`,
    );
  });

  it('unpacks keytar (a native module cannot load from inside an asar)', () => {
    const native = 'node_modules/keytar/build/Release/keytar.node';
    expect(existsSync(join(appOut, 'resources', 'app.asar.unpacked', native))).toBe(true);
    expect(statFile(asarPath, native)).toMatchObject({ unpacked: true });
    // keytar's build leftovers (sources, object files, makefiles) stay out.
    expect(
      files.filter(
        (f) => f.startsWith('/node_modules/keytar/') && /\/(src|obj\.target)\/|\.(cc|mk)$/.test(f),
      ),
    ).toEqual([]);
  });
});
