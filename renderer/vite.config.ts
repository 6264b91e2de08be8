import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite configuration of the renderer.
 *
 * Paths are relative to the repository root (scripts run from there): the app is built to
 * dist/renderer with relative asset URLs so that the Electron custom protocol and the e2e harness
 * can serve it from any origin. No inline scripts are emitted (strict CSP, see index.html).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // The module preload polyfill is injected as code; modern Chromium does not need it.
    modulePreload: { polyfill: false },
  },
});
