import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build.ts';
import { listJson } from '../../support/cli.ts';

/**
 * The `allowlist` command from its bundle (dist/cli), in a copy of the repository's CLI sources
 * (node_modules linked): the bundle runs while it was built from the files on disk, an edit makes
 * the command run the sources (the edit shows), and a log big enough for worker threads is
 * counted the same either way (the worker's module is found beside the bundle's).
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const tree = mkdtempSync(join(tmpdir(), 'allowlist-bundle-tree-'));
const bin = join(tree, 'cli', 'bin', 'allowlist.js');
// Prints each module this thread loads (file: URLs) to stderr, one per line, after "loaded ".
const hook = join(tree, 'hook.mjs');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(NODE, ['--import', hook, bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', ALLOWLIST_FROM_SOURCE: '', ...env },
  });
  const loaded = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('loaded '))
    .map((l) => l.slice('loaded '.length).replace(`file://${tree}/`, ''));
  return { code: r.status, stdout: r.stdout, loaded };
}

beforeAll(async () => {
  for (const dir of ['cli', 'shared', 'node-shared'])
    cpSync(join(ROOT, dir), join(tree, dir), { recursive: true });
  cpSync(join(ROOT, 'scripts', 'node-version.js'), join(tree, 'scripts', 'node-version.js'));
  cpSync(join(ROOT, 'package.json'), join(tree, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  writeFileSync(
    hook,
    [
      "import { registerHooks } from 'node:module';",
      'registerHooks({ load(url, context, next) {',
      "  if (url.startsWith('file:')) process.stderr.write(`loaded ${url}\\n`);",
      '  return next(url, context);',
      '} });',
    ].join('\n'),
  );
  await buildCli(tree);
}, 120_000);
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('the allowlist command from its bundle', () => {
  it('runs the bundle while it is fresh, not the sources', () => {
    const r = run(['--version']);
    expect(r.stdout).toBe('allowlist 0.1.0\n');
    expect(r.loaded).toContain('dist/cli/main.mjs');
    expect(r.loaded.filter((u) => u.endsWith('.ts'))).toEqual([]);
    // ALLOWLIST_FROM_SOURCE=1 runs the sources.
    expect(run(['--version'], { ALLOWLIST_FROM_SOURCE: '1' }).loaded).toContain('cli/main.ts');
  });

  it('counts a log split across worker threads the same from the bundle and the sources', () => {
    writeFileSync(
      join(tree, 'list.json'),
      listJson([{ ip: '192.0.2.0', cidr: 24, memo: 'office' }]),
    );
    // 65 MB: over the size at which plain files are shared with worker threads (64 MB).
    const block = '192.0.2.7 - - "GET / HTTP/1.1" 200\n203.0.113.9 - - "GET / HTTP/1.1" 200\n';
    const copies = Math.ceil((65 * 1024 * 1024) / block.length);
    writeFileSync(join(tree, 'big.log'), block.repeat(copies));
    const args = ['impact', '--list', join(tree, 'list.json'), '--log', join(tree, 'big.log')];
    const bundled = run([...args, '--json']);
    const source = run([...args, '--json'], { ALLOWLIST_FROM_SOURCE: '1' });
    expect(bundled.loaded).toContain('dist/cli/main.mjs');
    expect(source.loaded).toContain('cli/commands/impact.ts');
    expect(bundled.code).toBe(0);
    const counts = JSON.parse(bundled.stdout) as Record<string, unknown>;
    expect(counts).toMatchObject({
      lines: copies * 2,
      allowed: copies,
      denied: copies,
      uniqueDenied: 1,
    });
    expect(source.stdout).toBe(bundled.stdout);
    rmSync(join(tree, 'big.log'));
  });

  it('runs the sources, edit included, once a file the bundle holds has changed', () => {
    const pkg = join(tree, 'cli', 'package.json');
    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('"0.1.0"', '"0.1.1"'));
    const r = run(['--version']);
    expect(r.stdout).toBe('allowlist 0.1.1\n');
    expect(r.loaded).not.toContain('dist/cli/main.mjs');
    expect(r.loaded).toContain('cli/main.ts');
  });
});
