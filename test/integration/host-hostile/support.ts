import { afterAll, beforeAll } from 'vitest';
import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_PATHS } from '../../../host/protocol.ts';
import { buildBrowserPage } from '../../../host/server/build-page.ts';
import { startBrowserHost, type BrowserHost } from '../../../host/server/server.ts';
import type { SecretStore } from '../../../electron/core/secrets.ts';
import { call } from '../support/http-call.ts';

export { call, type Reply } from '../support/http-call.ts';

/** Hostile tests: the real browser-mode server with stand-in renderer files and an in-memory keychain. */

export type Target = {
  host: BrowserHost;
  port: number;
  token: string;
  root: string;
  dataDir: string;
  logs: string[];
  secrets: Map<string, string>;
  close(): Promise<void>;
};

export const SECRET_OUTSIDE = 'TOP-SECRET-OUTSIDE-RENDERER';

/**
 * `realBridge`: serve the real page bridge (built from host/page), not a stand-in; `port`: listen
 * there (default: any free port).
 */
export async function startTarget(
  options: { realBridge?: boolean; port?: number } = {},
): Promise<Target> {
  const root = await mkdtemp(join(tmpdir(), 'host-hostile-'));
  const rendererDir = join(root, 'renderer');
  const pageDir = join(root, 'page');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(pageDir);
  // A sibling folder whose name starts like the renderer folder, and a file next to it.
  await mkdir(join(root, 'renderer-evil'));
  await writeFile(join(root, 'renderer-evil', 'x.txt'), SECRET_OUTSIDE);
  await writeFile(join(root, 'secret.txt'), SECRET_OUTSIDE);
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>app</title><script type="module" src="./app.js"></script></head><body>APP-INDEX</body></html>',
  );
  await writeFile(join(rendererDir, 'app.js'), 'export {};');
  await writeFile(join(rendererDir, 'assets', 'a.js'), 'export const a = 1;');
  if (options.realBridge) await buildBrowserPage({ renderer: false, pageDir });
  else await writeFile(join(pageDir, 'bridge.js'), 'export {};');
  const logs: string[] = [];
  const secrets = new Map<string, string>();
  const store: SecretStore = {
    async get(id) {
      return secrets.get(id) ?? null;
    },
    async set(id, pw) {
      secrets.set(id, pw);
    },
    async delete(id) {
      return secrets.delete(id);
    },
  };
  const dataDir = join(root, 'data');
  const host = await startBrowserHost({
    dataDir,
    rendererDir,
    pageDir,
    ...(options.port === undefined ? {} : { port: options.port }),
    handlerDeps: { secrets: store, applyPollMs: 100, demoApplyDelayMs: 100 },
    log: (line) => logs.push(line),
  });
  const token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token')!;
  return {
    host,
    port: host.port,
    token,
    root,
    dataDir,
    logs,
    secrets,
    async close() {
      await host.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * One target for the whole calling file (beforeAll / afterAll); its fields are there from the
 * first test on. `options` as for startTarget.
 */
export function useTarget(options: Parameters<typeof startTarget>[0] = {}): Target {
  const t = {} as Target;
  beforeAll(async () => {
    Object.assign(t, await startTarget(options));
  });
  afterAll(async () => {
    await t.close?.();
  });
  return t;
}

/**
 * The page's Authorization header value: what the bridge sends with every API request once it
 * has read the token from the printed URL's fragment (there is no cookie and no exchange).
 */
export async function login(t: Target): Promise<string> {
  return `Bearer ${t.token}`;
}

/** Headers of a legitimate JSON invoke from the page. */
export function pageJson(t: Target, auth: string, extra: Record<string, string> = {}) {
  return {
    ...(auth ? { authorization: auth } : {}),
    origin: `http://127.0.0.1:${t.port}`,
    'content-type': 'application/json',
    'sec-fetch-site': 'same-origin',
    ...extra,
  };
}

/** Legit call of a channel (JSON). */
export async function invoke(t: Target, channel: string, input: unknown = {}) {
  const auth = await login(t);
  const reply = await call(
    t.port,
    'POST',
    `${HOST_PATHS.invoke}${channel}`,
    pageJson(t, auth),
    JSON.stringify(input),
  );
  return JSON.parse(reply.text) as {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads any answer
    result: { ok: boolean; value?: any; error?: any };
    download?: { id: string; name: string };
  };
}

/** The canary: the UI locale (changed by app:set-locale, a state-changing handler). */
export async function locale(t: Target): Promise<string> {
  const info = await invoke(t, 'app:info');
  return info.result.value.locale;
}

/**
 * Send raw bytes over a socket and collect everything the server answers until it closes the
 * connection or `ms` pass.
 */
export function raw(port: number, data: string | Buffer, ms = 1500): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') finish();
      else if (!done) reject(e);
    });
    socket.setTimeout(ms, finish);
    socket.write(data);
  });
}

/** Status codes of every HTTP response in a raw answer. */
export function statuses(answer: string): number[] {
  return [...answer.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
}
