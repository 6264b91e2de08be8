import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../../shared/allowlist/model.ts';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  IpcResult,
} from '../../../../shared/contract/ipc.ts';
import { createInvoker } from '../../../../electron/ipc/handle.ts';
import { createHandlers, type CreatedHandlers } from '../../../../electron/ipc/handlers.ts';
import { createHttpService } from '../../../../electron/core/service-client.ts';
import { startService, type RunningService } from '../../../../service/server.ts';
import { startSwitchboard, type Switchboard } from './switchboard.ts';

/**
 * The world of the model-based test: two real reference services ("S" and "T", two tenants),
 * each behind a switchboard (one stable origin, restartable service); two app instances, each the
 * real main-process handlers with its own data folder and the real keychain; a third admin
 * writing straight to a service (through its switchboard, from 127.0.0.9).
 */

export const LOGINS = ['admin', 'ops'] as const;
export type Login = (typeof LOGINS)[number];
export const TENANTS = ['S', 'T'] as const;
export type TenantName = (typeof TENANTS)[number];

/** Every (tenant, login) has its own password: a password at the wrong origin is a leak. */
export const passwordOf = (tenant: TenantName, login: Login) => `pw-${tenant}-${login}`;

const APP_ORIGIN = 'app://allowlist';
const FROM_APP = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };

export type Tenant = {
  name: TenantName;
  board: Switchboard;
  service: RunningService | null;
  data: string;
  outbox: string;
};

export type App = {
  index: number;
  dataDir: string;
  /** Source address of this app's requests (the caller the service sees). */
  network: { localAddress: string };
  created: CreatedHandlers;
  call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<IpcResult<ChannelOutput<C>>>;
  restart(): Promise<void>;
};

async function startTenant(name: TenantName, root: string): Promise<Tenant> {
  const board = await startSwitchboard(name);
  const tenant: Tenant = {
    name,
    board,
    service: null,
    data: join(root, `${name}-data-0`),
    outbox: join(root, `${name}-outbox`),
  };
  await restartTenant(tenant, true, root);
  return tenant;
}

let generation = 0;

/** Stop the tenant's service and start it again, on its data folder or on a fresh one. */
export async function restartTenant(tenant: Tenant, keepData: boolean, root: string) {
  await tenant.service?.close();
  if (!keepData) tenant.data = join(root, `${tenant.name}-data-${++generation}`);
  tenant.service = await startService({
    admins: LOGINS.map((login) => ({ login, password: passwordOf(tenant.name, login) })),
    applyDelayMs: 20,
    data: tenant.data,
    outbox: tenant.outbox,
  });
  tenant.board.setUpstream(tenant.service.url, !keepData);
}

async function startApp(index: number, root: string): Promise<App> {
  const dataDir = join(root, `app-${index}`);
  const network = { localAddress: '127.0.0.1' };
  const boot = () =>
    createHandlers({
      dataDir,
      applyPollMs: 20,
      createService: (profile, getPassword) =>
        createHttpService({
          baseUrl: profile.serviceUrl,
          login: profile.login,
          getPassword,
          retries: 0,
          backoffMs: 1,
          timeoutMs: 5000,
          localAddress: network.localAddress,
        }),
    });
  let created = await boot();
  let invoke = createInvoker(created.handlers, { allowedOrigins: [APP_ORIGIN], emit: () => {} });
  const app: App = {
    index,
    dataDir,
    network,
    get created() {
      return created;
    },
    async call(channel, input) {
      return (await invoke(channel, FROM_APP, input)) as never;
    },
    async restart() {
      await created.dispose();
      created = await boot();
      invoke = createInvoker(created.handlers, { allowedOrigins: [APP_ORIGIN], emit: () => {} });
    },
  };
  return app;
}

export async function startWorld() {
  const root = await mkdtemp(join(tmpdir(), 'allowlist-model-'));
  const tenants = { S: await startTenant('S', root), T: await startTenant('T', root) };
  const apps = [await startApp(0, root), await startApp(1, root)];
  const third = (tenant: TenantName) =>
    createHttpService({
      baseUrl: tenants[tenant].board.url,
      login: 'admin',
      getPassword: async () => passwordOf(tenant, 'admin'),
      retries: 0,
      localAddress: '127.0.0.9',
    });
  return {
    root,
    tenants,
    apps,
    third,
    restartTenant: (name: TenantName, keepData: boolean) =>
      restartTenant(tenants[name], keepData, root),
    /** Open the Reset URL of the tenant's newest completion e-mail (through its switchboard). */
    async openResetUrl(name: TenantName): Promise<boolean> {
      const tenant = tenants[name];
      let files: string[];
      try {
        files = (await readdir(tenant.outbox)).filter((f) => f.endsWith('.eml')).sort();
      } catch {
        return false;
      }
      const last = files.at(-1);
      if (!last) return false;
      const mail = await readFile(join(tenant.outbox, last), 'utf8');
      const link = /Reset URL: (\S+)/.exec(mail)?.[1];
      if (!link) return false;
      const url = new URL(link);
      const response = await fetch(`${tenant.board.url}${url.pathname}${url.search}`);
      return response.status === 200;
    },
    async stop() {
      for (const app of apps) await app.created.dispose();
      for (const tenant of Object.values(tenants)) {
        await tenant.service?.close();
        await tenant.board.close();
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;

/** Network keys of a list's entries (ip/cidr), for comparing lists by what they allow. */
export const keysOf = (config: Config): Set<string> =>
  new Set(config.entries.map((e) => `${e.ip}/${e.cidr ?? 32}`));
