/**
 * `npm run build`: the renderer (vite, renderer/vite.config.ts → dist/renderer) and the Electron
 * bundles (rolldown): dist/electron/main.cjs, preload.cjs (sandboxed preloads must be one CommonJS
 * file) and import-worker.mjs. The bundles inline every library except `electron` and `keytar`
 * (a native module, unpacked from the asar), so those two are all the app needs at run time.
 * Packaging is `npm run package` (this script, then electron-builder with ./electron-builder.json);
 * it downloads Electron's release zip, so it needs github.com.
 *
 * Options: `--main-only` skips the renderer.
 */
import { builtinModules } from 'node:module';
import { build as rolldown } from 'rolldown';

const mainOnly = process.argv.includes('--main-only');
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

async function main(): Promise<void> {
  if (!mainOnly) {
    const { build } = await import('vite');
    await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
    console.log('built dist/renderer');
  }
  await buildElectron();
  console.log('built dist/electron (main.cjs, preload.cjs, import-worker.mjs)');
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
