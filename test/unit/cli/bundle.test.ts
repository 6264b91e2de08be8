import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLE_DIR, BUNDLE_INPUTS, freshBundle, stamp } from '../../../cli/bin/bundle.js';

/**
 * When the `allowlist` bin runs its bundle (dist/cli) instead of the sources: only while every
 * file the bundle was built from is unchanged. A tree of its own with a made-up inputs.json.
 */
let root: string;
const entry = () => join(root, BUNDLE_DIR, 'main.mjs');
function write(path: string, text: string) {
  writeFileSync(join(root, path), text);
}
function record(paths: string[]) {
  const files = paths.map((p) => [p, ...(stamp(join(root, p)) ?? [])]);
  writeFileSync(join(root, BUNDLE_DIR, BUNDLE_INPUTS), JSON.stringify({ files }));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'allowlist-bundle-'));
  mkdirSync(join(root, BUNDLE_DIR), { recursive: true });
  mkdirSync(join(root, 'cli'));
  write('cli/a.ts', 'export const a = 1;\n');
  write('cli/b.ts', 'export const b = 2;\n');
  utimesSync(join(root, 'cli/a.ts'), 1_700_000_000, 1_700_000_000);
  writeFileSync(entry(), '');
  record(['cli/a.ts', 'cli/b.ts']);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('freshBundle', () => {
  it('is the bundle while its inputs are as recorded', () => {
    expect(freshBundle(root)?.href).toBe(pathToFileURL(entry()).href);
  });

  it('is the sources after an edit that keeps the size and the modification time', () => {
    const before = statSync(join(root, 'cli/a.ts'));
    write('cli/a.ts', 'export const a = 9;\n');
    utimesSync(join(root, 'cli/a.ts'), 1_700_000_000, 1_700_000_000);
    const after = statSync(join(root, 'cli/a.ts'));
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(freshBundle(root)).toBeUndefined();
  });

  it('is the sources when an input is gone, the list is damaged or the entry is missing', () => {
    rmSync(join(root, 'cli/b.ts'));
    expect(freshBundle(root)).toBeUndefined();
    write('cli/b.ts', 'export const b = 2;\n');
    record(['cli/a.ts', 'cli/b.ts']);
    expect(freshBundle(root)).toBeDefined();
    writeFileSync(join(root, BUNDLE_DIR, BUNDLE_INPUTS), '{"files": [');
    expect(freshBundle(root)).toBeUndefined();
    writeFileSync(join(root, BUNDLE_DIR, BUNDLE_INPUTS), '{"files": []}');
    expect(freshBundle(root)).toBeUndefined();
    record(['cli/a.ts']);
    rmSync(entry());
    expect(freshBundle(root)).toBeUndefined();
  });

  it('is the sources when ALLOWLIST_FROM_SOURCE is set', () => {
    vi.stubEnv('ALLOWLIST_FROM_SOURCE', '1');
    expect(freshBundle(root)).toBeUndefined();
  });
});
