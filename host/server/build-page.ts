/**
 * Build what browser mode serves: the renderer (renderer/vite.config.ts → dist/renderer) and the
 * page bridge (host/page/bridge.ts → dist/host-page/bridge.js, one ES module).
 */
/** Where the built renderer and the page bridge are (relative to the repository root). */
export const RENDERER_DIR = 'dist/renderer';
export const PAGE_DIR = 'dist/host-page';

/**
 * Build the page bridge (into `pageDir`, PAGE_DIR by default), and the renderer too unless it is
 * already built by the caller.
 */
export async function buildBrowserPage(options: {
  renderer: boolean;
  pageDir?: string;
}): Promise<void> {
  const { build } = await import('vite');
  if (options.renderer) await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: options.pageDir ?? PAGE_DIR,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
      lib: { entry: 'host/page/bridge.ts', formats: ['es'], fileName: () => 'bridge.js' },
    },
  });
}
