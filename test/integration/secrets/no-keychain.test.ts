import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'allowlist-nokeychain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('without a keychain', () => {
  it('says so clearly, saves no password anywhere and creates no half profile', async () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    env.XDG_RUNTIME_DIR = dir;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(import.meta.dirname, 'no-keychain-child.ts'), dir],
      { env },
    );
    const out = JSON.parse(stdout) as {
      result: { ok: boolean; error?: { code: string; message: string } };
      list: { value: { profiles: unknown[] } };
    };
    expect(out.result.ok).toBe(false);
    expect(out.result.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(out.result.error?.message).toMatch(
      /credential store is not available, so the password cannot be saved/,
    );
    expect(out.list.value.profiles).toEqual([]);
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const path = join(dir, name);
      if (statSync(path).isFile())
        expect(readFileSync(path, 'latin1')).not.toContain('NO-KEYCHAIN-CANARY');
    }
  });
});
