import { createApplyTracker, type ApplyTracker } from '../core/apply-tracker.ts';
import { createDemoRunner, type DemoRunner } from '../core/demo.ts';
import { createDrafts, type Drafts, type ServiceFactory } from '../core/drafts.ts';
import { AppError } from '../core/errors.ts';
import { createImportRunner, type ImportRunner } from '../core/import-runner.ts';
import { createProfiles, kindOf, type Profiles } from '../core/profiles.ts';
import { createHandoff, type Handoff } from '../core/handoff.ts';
import { checkEgress, DEFAULT_EGRESS_ENDPOINTS } from '../core/egress.ts';
import { sendOnce, type Transport } from '../core/http-transport.ts';
import { sourceOf } from '../core/base-identity.ts';
import { createKeytarSecretStore, openSecret } from '../core/secrets.ts';
import { createHttpService } from '../core/service-client.ts';
import { openStore, type AppStore } from '../core/store.ts';
import { createSync, type Sync } from '../core/sync.ts';
import type { AppInfo, Dialogs, HandlerDeps } from './deps.ts';

/** Every main-process service, wired from injected deps (no electron import). */
export type MainServices = {
  store: AppStore;
  profiles: Profiles;
  drafts: Drafts;
  sync: Sync;
  tracker: ApplyTracker;
  imports: ImportRunner;
  demo: DemoRunner;
  dialogs: Dialogs;
  appInfo: AppInfo;
  serviceFor: ServiceFactory;
  /** cybozu.com tenants saved on the cybozu.com Store (electron/core/handoff.ts). */
  handoff: Handoff;
  /** The transport of requests that are not the admin API (egress check, tenant login page). */
  transport: Transport;
  /** The "what is my IP" endpoints in use (settings, else the defaults). */
  egressEndpoints: () => string[];
};

const noDialog = async (): Promise<never> => {
  throw new AppError('INTERNAL', {}, 'DIALOGS_UNAVAILABLE');
};

export function createMainServices(deps: HandlerDeps): MainServices {
  const log = deps.log ?? (() => {});
  const store = openStore({
    dir: deps.dataDir,
    ...(deps.openConf ? { openConf: deps.openConf } : {}),
    onNotice: (n) => log(`store: ${n.code} ${n.params.file}`),
  });
  const secrets = deps.secrets ?? createKeytarSecretStore();
  const demo = createDemoRunner({
    dataDir: deps.dataDir,
    ...(deps.demoApplyDelayMs !== undefined ? { applyDelayMs: deps.demoApplyDelayMs } : {}),
  });
  const createService =
    deps.createService ??
    ((profile, getPassword) =>
      createHttpService({
        baseUrl: profile.serviceUrl,
        login: profile.login,
        getPassword,
        log,
        ...(deps.transport ? { transport: deps.transport } : {}),
      }));

  const serviceFor: ServiceFactory = async (profile) => {
    if (kindOf(profile) === 'cybozu-store')
      throw new AppError('INVALID_INPUT', {}, 'STORE_PROFILE_NO_SERVICE');
    if (profile.demo) {
      const running = await demo.start();
      return createService(
        { ...profile, serviceUrl: running.url, login: running.login },
        async () => running.password,
      );
    }
    // Only a password saved for this very origin and login (a changed URL asks for it again).
    const password = openSecret(sourceOf(profile), await secrets.get(profile.id));
    if (password === null) {
      throw new AppError('PASSWORD_REQUIRED', {}, 'PASSWORD_NOT_STORED');
    }
    return createService(profile, async () => password);
  };

  const profiles = createProfiles({ store, secrets });
  const drafts = createDrafts({ store, serviceFor });
  const tracker = createApplyTracker({
    ...(deps.applyPollMs !== undefined ? { pollMs: deps.applyPollMs } : {}),
    // A save still applying, or a lockout with its Reset URL window, survives a restart.
    keep: {
      load: store.getApplyRecord,
      // A loop still running for a removed profile must not write its file again.
      save: (id, record) => {
        if (record === null || store.getProfile(id)) store.saveApplyRecord(id, record);
      },
    },
  });
  const sync = createSync({ store, drafts, serviceFor, tracker });
  const transport = deps.transport ?? sendOnce;
  const egressEndpoints = (): string[] => [
    ...(store.getSettings().egressEndpoints ?? DEFAULT_EGRESS_ENDPOINTS),
  ];
  const dialogs = deps.dialogs ?? {
    openImportFile: noDialog,
    openLogFile: noDialog,
    saveFile: noDialog,
  };
  const handoff = createHandoff({
    store,
    drafts,
    egress: () => checkEgress(transport, egressEndpoints()),
    endpoints: egressEndpoints,
    dialogs,
  });
  const imports = createImportRunner({
    workerUrl: deps.importWorkerUrl ?? new URL('../core/import-worker.ts', import.meta.url),
  });
  const appInfo: AppInfo = {
    name: 'IP Allowlist Manager',
    version: '0.1.0',
    platform: process.platform,
    packaged: false,
    systemLocale: (Intl.DateTimeFormat().resolvedOptions().locale ?? 'en').startsWith('ja')
      ? 'ja'
      : 'en',
    ...deps.appInfo,
  };
  return {
    store,
    profiles,
    drafts,
    sync,
    tracker,
    imports,
    demo,
    dialogs,
    appInfo,
    serviceFor,
    handoff,
    transport,
    egressEndpoints,
  };
}
