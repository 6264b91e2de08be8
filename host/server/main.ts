import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir.ts';
import { buildBrowserPage, PAGE_DIR, RENDERER_DIR } from './build-page.ts';
import { startBrowserHost } from './server.ts';

/**
 * `npm start -- --browser` (and `npm start` where the Electron binary is missing): build, serve
 * on 127.0.0.1, print the URL with the token, stop cleanly on Ctrl+C or SIGTERM.
 */
export async function runBrowserMode(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'boolean' },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'no-build': { type: 'boolean' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port ${values.port}: expected a port number (0 picks a free one).`);
  }
  if (!values['no-build']) {
    console.log('browser mode: building the renderer (vite)');
    await buildBrowserPage({ renderer: true });
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const host = await startBrowserHost({
    dataDir,
    rendererDir: RENDERER_DIR,
    pageDir: PAGE_DIR,
    port,
    log: (line) => console.error(line),
  });
  console.log(`browser mode: data folder ${dataDir}`);
  console.log('browser mode: open this URL in your browser (it carries the access token):');
  console.log(`    ${host.url}`);
  console.log('Stop with Ctrl+C.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`browser mode: ${signal}, stopping`);
    host.close().then(
      () => {
        console.log('browser mode: stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`browser mode: could not stop cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
