import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const PackageSchema = z.object({ name: z.string().min(1), version: z.string().min(1) });

/** name and version from the repository's package.json (what Electron reads for an unpackaged app). */
export function packageInfo(): z.infer<typeof PackageSchema> {
  return PackageSchema.parse(
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')),
  );
}

/**
 * The data folder the Electron app uses when started from this checkout (`npm start`):
 * `app.getPath('userData')/data`, where userData is the platform's application-data folder plus
 * the app name (package.json `name`, as Electron does for an unpackaged app). Browser mode opens
 * the very same profiles, drafts and history. ALLOWLIST_USER_DATA_DIR overrides it, as in
 * electron/main/index.ts.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const appName = packageInfo().name;
  const userData =
    env.ALLOWLIST_USER_DATA_DIR ??
    join(
      platform === 'win32'
        ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
        : platform === 'darwin'
          ? join(homedir(), 'Library', 'Application Support')
          : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config')),
      appName,
    );
  return join(userData, 'data');
}
