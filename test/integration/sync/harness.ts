import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { AllowlistService } from '../../../shared/contract/service.ts';
import {
  createHandlers,
  type CreatedHandlers,
  type HandlerDeps,
} from '../../../electron/ipc/handlers.ts';
import { createHttpService } from '../../../electron/services/service-client.ts';
import { startService, type RunningService } from '../../../service/server.ts';
import { appInvoker, callerOf } from '../support/app-calls.ts';

export { APP_ORIGIN, FROM_APP } from '../support/app-calls.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * The real main-process handlers (real store, real keychain unless replaced, real HTTP client)
 * against a real reference service on loopback, called through the real invoker.
 */
export async function startHarness(
  options: { password?: string; applyDelayMs?: number; deps?: Partial<HandlerDeps> } = {},
) {
  const root = await mkdtemp(join(tmpdir(), 'allowlist-main-'));
  const password = options.password ?? 'admin-pw';
  const service: RunningService = await startService({
    admins: [{ login: 'admin', password }],
    applyDelayMs: options.applyDelayMs ?? 150,
    data: join(root, 'service-data'),
    outbox: join(root, 'outbox'),
  });
  const logs: string[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const calls = { get: 0, put: 0, clientIp: 0 };
  /** Source address of the app's requests (tests move the admin to another address). */
  const network = { localAddress: '127.0.0.1' };
  const dataDir = join(root, 'app-data');
  const boot = () =>
    createHandlers({
      dataDir,
      applyPollMs: 50,
      log: (line) => logs.push(line),
      createService: (profile, getPassword) => {
        const real = createHttpService({
          baseUrl: profile.serviceUrl,
          login: profile.login,
          getPassword,
          log: (l) => logs.push(l),
          backoffMs: 10,
          retries: 0,
          localAddress: network.localAddress,
        });
        const counted: AllowlistService = {
          get: () => ((calls.get += 1), real.get()),
          put: (config, revision) => ((calls.put += 1), real.put(config, revision)),
          clientIp: () => ((calls.clientIp += 1), real.clientIp()),
        };
        return counted;
      },
      ...options.deps,
    });
  const wire = (handlers: CreatedHandlers) =>
    appInvoker(handlers, {
      emit: (event, payload) => events.push({ event, payload }),
      log: (line) => logs.push(line),
    });
  let created = await boot();
  let invoke = wire(created);
  /** Invoke a channel as the app window; throws with the error code when the result is not ok. */
  const call = callerOf(() => invoke);
  /** Another admin, straight to the service (not through the app). */
  const other = createHttpService({
    baseUrl: service.url,
    login: 'admin',
    getPassword: async () => password,
    retries: 0,
  });
  return {
    root,
    dataDir,
    service,
    outbox: join(root, 'outbox'),
    password,
    logs,
    events,
    calls,
    network,
    /** The current invoker (a restart replaces it). */
    get invoke() {
      return invoke;
    },
    call,
    other,
    /** The current handlers (a restart replaces them). */
    get created() {
      return created;
    },
    /** Quit and start the app again on the same data folder and keychain (the service keeps running). */
    async restart(): Promise<void> {
      await created.dispose();
      created = await boot();
      invoke = wire(created);
    },
    /** Another admin saves `config` over whatever the service holds; the new revision. */
    async otherSaves(config: Config): Promise<string> {
      const now = await other.get();
      if (!now.ok) throw new Error(now.error.message);
      const put = await other.put(config, now.value.revision);
      if (!put.ok) throw new Error(put.error.message);
      return put.value.revision;
    },
    async resetUrl(): Promise<string> {
      const files = (await readdir(join(root, 'outbox'))).sort();
      const mail = await readFile(join(root, 'outbox', files[files.length - 1]!), 'utf8');
      const match = /Reset URL: (\S+)/.exec(mail);
      if (!match) throw new Error('no reset URL in the e-mail');
      return match[1]!;
    },
    async stop() {
      await created.dispose();
      await service.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * The set-up most sync tests share: a fresh harness with one profile, "Tokyo", the admin on the
 * reference service. `stopWithProfile` removes the profile (and its password) and stops all.
 */
export async function startWithProfile(options?: Parameters<typeof startHarness>[0]) {
  const h = await startHarness(options);
  const profile = await h.call('profiles:create', {
    fields: { name: 'Tokyo', serviceUrl: h.service.url, login: 'admin', protectedAddresses: [] },
    password: h.password,
  });
  return { h, profileId: profile.id };
}

export async function stopWithProfile(h: Harness, profileId: string): Promise<void> {
  await h.call('profiles:remove', { profileId }).catch(() => {});
  await h.stop();
}
