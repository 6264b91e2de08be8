import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../host/server/data-dir.ts';

// Electron's app.getPath('userData') for an unpackaged app: the platform's application-data
// folder plus package.json's name; the app keeps its documents in `data` below it.
describe('browser mode opens the desktop app’s data folder', () => {
  it('Linux: $XDG_CONFIG_HOME or ~/.config', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe(
      '/x/config/ip-allowlist-manager/data',
    );
    expect(defaultDataDir({}, 'linux')).toBe(
      join(homedir(), '.config', 'ip-allowlist-manager', 'data'),
    );
  });
  it('macOS and Windows', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'ip-allowlist-manager', 'data'),
    );
    expect(defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(
      join('C:/Users/a/AppData/Roaming', 'ip-allowlist-manager', 'data'),
    );
  });
  it('ALLOWLIST_USER_DATA_DIR wins, as in electron/main/index.ts', () => {
    expect(
      defaultDataDir({ ALLOWLIST_USER_DATA_DIR: '/tmp/u', XDG_CONFIG_HOME: '/x' }, 'linux'),
    ).toBe('/tmp/u/data');
  });
});
