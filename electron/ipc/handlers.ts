import type { Handlers } from './handle.ts';
import type { HandlerDeps } from './deps.ts';
import { appHandlers } from './handlers/app.ts';
import { fileHandlers } from './handlers/files.ts';
import { profileHandlers } from './handlers/profiles.ts';
import { syncHandlers } from './handlers/sync.ts';
import { handoffHandlers } from './handlers/handoff.ts';
import { createMainServices, type MainServices } from './services.ts';

export type { HandlerDeps } from './deps.ts';

export type CreatedHandlers = {
  handlers: Handlers;
  services: MainServices;
  /** Stop apply polling, cancel imports, stop the demo service. */
  dispose(): Promise<void>;
};

/**
 * Build every IPC handler from injected deps, without importing electron.
 *
 * The app registers them through `createInvoker` + ipcMain; tests and the Playwright bridge call
 * the same invoker with a fake event carrying the sender frame's URL.
 */
export async function createHandlers(deps: HandlerDeps): Promise<CreatedHandlers> {
  const services = createMainServices(deps);
  const handlers: Handlers = {
    ...profileHandlers(services),
    ...syncHandlers(services),
    ...fileHandlers(services),
    ...appHandlers(services),
    ...handoffHandlers(services),
  };
  return {
    handlers,
    services,
    async dispose() {
      await services.tracker.stopAll();
      services.imports.cancelAll();
      await services.demo.close();
    },
  };
}
