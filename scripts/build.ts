/**
 * `npm run build`: the renderer (vite, renderer/vite.config.ts → dist/renderer) and the Electron
 * bundles (rolldown): dist/electron/main.cjs, preload.cjs (sandboxed preloads must be one CommonJS
 * file) and import-worker.mjs. The bundles inline every library except `electron` and `keytar`
 * (a native module, unpacked from the asar), so those two are all the app needs at run time.
 * Packaging is `npm run package` (this script, then electron-builder with ./electron-builder.json);
 * it downloads Electron's release zip, so it needs github.com.
 *
 * It also builds the `allowlist` command as a bundle (dist/cli, `buildCli`); `npm install`,
 * `npm test` and `npm run bench` build that one too (`--cli-only`).
 *
 * Options: `--main-only` skips the renderer; `--cli-only` builds only the CLI bundle.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import { build as rolldown } from 'rolldown';
import { BUNDLE_DIR, BUNDLE_INPUTS, stamp } from '../cli/bin/bundle.js';

const mainOnly = process.argv.includes('--main-only');
const cliOnly = process.argv.includes('--cli-only');
const root = join(import.meta.dirname, '..');
const nodeExternal = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export async function buildElectron(outDir = 'dist/electron'): Promise<void> {
  const common = { platform: 'node' as const, logLevel: 'warn' as const };
  await rolldown({
    ...common,
    input: 'electron/main/index.ts',
    external: ['electron', 'keytar', ...nodeExternal],
    output: { file: `${outDir}/main.cjs`, format: 'cjs', sourcemap: true, codeSplitting: false },
  });
  await rolldown({
    ...common,
    input: 'electron/preload/index.ts',
    external: ['electron'],
    output: { file: `${outDir}/preload.cjs`, format: 'cjs', sourcemap: true, codeSplitting: false },
  });
  await rolldown({
    ...common,
    input: 'electron/core/import-worker.ts',
    external: nodeExternal,
    output: {
      file: `${outDir}/import-worker.mjs`,
      format: 'esm',
      sourcemap: true,
      codeSplitting: false,
    },
  });
}

/**
 * The `allowlist` command as a bundle: dist/cli/main.mjs (cli/main.ts, each command a chunk
 * loaded on demand, as in the sources) and log-worker.mjs (the log scan's worker thread). One
 * module instead of ~130 halves the command's start-up (measured: `allowlist impact` on a
 * one-line log 156 → 109 ms; zod alone 48 → 15 ms).
 *
 * The bin (cli/bin/allowlist.js) runs it only when it was built from exactly the files now on
 * disk: `inputs.json` records a stamp (cli/bin/bundle.js) of each of the project's own files in
 * the bundle and of node_modules/.package-lock.json (npm rewrites it on every install); on any
 * difference the bin runs the sources, the same code, slower to start. Built into a folder of
 * its own, then swapped
 * in, so that a command starting meanwhile sees the old bundle, none, or the new one.
 */
export async function buildCli(from = root): Promise<void> {
  // `from`: the repository's root; a test builds a copy of it.
  const outDir = join(from, BUNDLE_DIR);
  // A file changed while rolldown read it would be stamped newer than what the bundle holds, so
  // a build during which an input changed (ctime, with a second's margin for the kernel's coarse
  // clock) is done again, a second later.
  for (let attempt = 1; ; attempt += 1) {
    const started = Date.now() - 1000;
    const temp = `${outDir}.tmp-${process.pid}`;
    rmSync(temp, { recursive: true, force: true });
    const inputs = await bundleCli(from, temp);
    const changed = inputs.find((input) => (input[4] as number) >= started);
    if (changed !== undefined) {
      rmSync(temp, { recursive: true, force: true });
      if (attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        continue;
      }
      throw new Error(`${String(changed[0])} keeps changing while the CLI bundle is built`);
    }
    writeFileSync(join(temp, BUNDLE_INPUTS), `${JSON.stringify({ files: inputs })}\n`);
    const old = `${outDir}.old-${process.pid}`;
    try {
      renameSync(outDir, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    renameSync(temp, outDir);
    rmSync(old, { recursive: true, force: true });
    return;
  }
}

/**
 * Bundle the CLI of the tree at `tree` into `dir`; returns what inputs.json records: each input's
 * path and stamp.
 */
async function bundleCli(tree: string, dir: string): Promise<(string | number)[][]> {
  const result = await rolldown({
    platform: 'node',
    logLevel: 'warn',
    input: { main: join(tree, 'cli/main.ts'), 'log-worker': join(tree, 'cli/log-worker.ts') },
    external: nodeExternal,
    output: {
      dir,
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
    },
  });
  const own = new Set<string>();
  for (const file of result.output) {
    if (file.type !== 'chunk') continue;
    for (const id of file.moduleIds) {
      const path = relative(tree, id);
      if (id.startsWith('\0') || path.startsWith('..') || path.startsWith(`node_modules${sep}`))
        continue;
      own.add(path.split(sep).join('/'));
    }
  }
  return [...own, 'node_modules/.package-lock.json'].sort().map((path) => {
    const now = stamp(join(tree, path));
    if (now === undefined) throw new Error(`${path}: missing after the build`);
    return [path, ...now];
  });
}

async function main(): Promise<void> {
  if (cliOnly) {
    await buildCli();
    console.log(`built ${BUNDLE_DIR} (the allowlist command)`);
    return;
  }
  if (!mainOnly) {
    const { build } = await import('vite');
    await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
    console.log('built dist/renderer');
  }
  await buildElectron();
  console.log('built dist/electron (main.cjs, preload.cjs, import-worker.mjs)');
  await buildCli();
  console.log(`built ${BUNDLE_DIR} (the allowlist command)`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
