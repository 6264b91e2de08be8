import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/contract/ipc.ts';
import type { EventName, EventPayload } from '../../../shared/contract/ipc.ts';
import type { Invoke } from '../../../electron/ipc/handle.ts';

/** Origin the built renderer is served from in the browser (intercepted, never on the network). */
export const APP_ORIGIN = 'http://allowlist.test';
export const APP_URL = `${APP_ORIGIN}/index.html`;
const DIST = join(process.cwd(), 'dist', 'renderer');

/** The CSP the Electron window sends (strict: no inline script, no eval). */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Serve dist/renderer at APP_ORIGIN with the app's CSP header; every other request is refused
 * (the renderer must not reach the network).
 */
export async function serveRenderer(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient');
    const rel =
      normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    if (rel.startsWith('..')) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(join(DIST, rel));
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
        },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

/**
 * Expose `window.allowlist` in the page, bridged to the real main-process invoker.
 *
 * The page gets exactly the contract's channels as `allowlist.<area>.<verb>()`, like the preload;
 * each call crosses to this process through a Playwright binding and goes through the same
 * `createInvoker` (sender check with the calling frame's URL and parent, zod input and output
 * parsing). Events from handlers are delivered to the page's `allowlist.on` listeners.
 */
export async function installBridge(
  page: Page,
  invoke: Invoke,
): Promise<(event: EventName, payload: unknown) => void> {
  await page.exposeBinding('__allowlistInvoke', async (source, channel: string, input: unknown) => {
    const frame = source.frame;
    return invoke(
      channel,
      { senderFrame: { url: frame.url(), parent: frame.parentFrame() } },
      input,
    );
  });
  await page.addInitScript(
    ({ channels, events }) => {
      type Listener = (payload: unknown) => void;
      const w = window as unknown as Record<string, unknown>;
      const invoke = w.__allowlistInvoke as (channel: string, input: unknown) => Promise<unknown>;
      const listeners = new Map<string, Set<Listener>>();
      const api: Record<string, unknown> = {};
      for (const channel of channels) {
        const [area, verb] = channel.split(':') as [string, string];
        const name = verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
        const group = (api[area] ??= {}) as Record<string, unknown>;
        group[name] = (input: unknown) => invoke(channel, input);
      }
      for (const group of Object.values(api)) Object.freeze(group);
      api.on = (event: string, listener: Listener) => {
        if (!events.includes(event)) throw new Error(`Unknown event ${event}`);
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, '__allowlistEmit', {
        value: (event: string, payload: unknown) =>
          listeners.get(event)?.forEach((l) => l(payload)),
      });
      Object.defineProperty(window, 'allowlist', { value: Object.freeze(api) });
    },
    { channels: CHANNEL_NAMES as string[], events: EVENT_NAMES as string[] },
  );
  return <E extends EventName>(event: E, payload: EventPayload<E> | unknown) => {
    void page
      .evaluate(
        ([e, p]) =>
          (
            window as unknown as { __allowlistEmit?: (e: string, p: unknown) => void }
          ).__allowlistEmit?.(e, p),
        [event, payload] as const,
      )
      .catch(() => undefined);
  };
}
