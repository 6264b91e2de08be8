import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type DraftRecord } from '../../../electron/core/store.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'allowlist-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const draft = (memo: string, n = 3): DraftRecord => ({
  profileId: 'p1',
  base: null,
  working: {
    mode: 'ALLOW_SPECIFIC',
    entries: Array.from({ length: n }, (_, i) => ({ ip: `192.0.2.${i}`, cidr: null, memo })),
  },
  updatedAt: '2026-01-01T00:00:00.000Z',
  merge: null,
});

describe('store', () => {
  it('keeps drafts, profiles and history across restarts', () => {
    const dir = tempDir();
    const a = openStore({ dir });
    a.saveProfile({
      id: 'p1',
      name: 'Tokyo',
      serviceUrl: 'https://x.example',
      login: 'admin',
      protectedAddresses: [],
      maxEntries: null,
      demo: false,
      createdAt: 'now',
    });
    a.saveDraft(draft('first'));
    a.saveDraft(draft('second'));
    a.addHistory({
      id: 'h1',
      profileId: 'p1',
      revision: '2',
      previousRevision: '1',
      pushedAt: 'now',
      config: { mode: 'ALLOW_ALL', entries: [] },
      summary: { added: 0, removed: 0, memoChanged: 0, modeChanged: true },
      source: 'pushed',
    });
    const b = openStore({ dir });
    expect(b.listProfiles().map((p) => p.name)).toEqual(['Tokyo']);
    expect(b.getDraft('p1')?.working.entries[0]?.memo).toBe('second');
    expect(b.listHistory('p1').map((h) => h.revision)).toEqual(['2']);
    expect(JSON.parse(readFileSync(join(dir, 'drafts', 'p1.json'), 'utf8')).schemaVersion).toBe(1);
    b.removeProfile('p1');
    const c = openStore({ dir });
    expect(c.listProfiles()).toEqual([]);
    expect(c.getDraft('p1')).toBeNull();
    expect(c.listHistory('p1')).toEqual([]);
  });

  it('migrates a version 1 profiles file', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'profiles.json'),
      JSON.stringify({ profiles: [], settings: { selectedId: null } }),
    );
    const store = openStore({ dir });
    expect(store.getSettings()).toEqual({ selectedId: null, locale: 'system' });
  });

  it('moves a corrupt file aside, loads the last good copy and tells the user', () => {
    const dir = tempDir();
    const a = openStore({ dir });
    a.saveDraft(draft('good'));
    writeFileSync(
      join(dir, 'drafts', 'p1.json'),
      '{"schemaVersion":1,"draft":{"profileId":"p1","wor',
    );
    const b = openStore({ dir });
    expect(b.getDraft('p1')?.working.entries[0]?.memo).toBe('good');
    const notices = b.takeNotices();
    expect(notices).toEqual([
      expect.objectContaining({
        code: 'STORE_RECOVERED',
        params: expect.objectContaining({ file: 'p1.json' }),
      }),
    ]);
    const aside = readdirSync(join(dir, 'drafts')).filter((f) => f.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, 'drafts', aside[0]!), 'utf8')).toContain('"wor');
  });

  it('a document written by a newer app version is kept aside, not overwritten silently', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ schemaVersion: 99, profiles: [] }));
    const store = openStore({ dir });
    expect(store.listProfiles()).toEqual([]);
    expect(store.takeNotices()[0]?.message).toMatch(/newer version/);
    expect(readdirSync(dir).some((f) => f.startsWith('profiles.corrupt-'))).toBe(true);
  });

  it('a writer killed with SIGKILL mid-save always leaves the old or the new draft intact', async () => {
    const dir = tempDir();
    const child = join(import.meta.dirname, 'writer-child.ts');
    const seen = new Set<string>();
    // There is always an old draft: on a busy machine the first kill can come before the
    // child's first save has finished, and then "old" must mean this one, not nothing.
    openStore({ dir }).saveDraft({
      profileId: 'p1',
      base: null,
      working: {
        mode: 'ALLOW_SPECIFIC',
        entries: Array.from({ length: 20000 }, (_, i) => ({
          ip: `10.${(i >> 8) & 255}.${i & 255}.1`,
          cidr: null,
          memo: '0',
        })),
      },
      updatedAt: new Date().toISOString(),
      merge: null,
    });
    for (let round = 0; round < 8; round += 1) {
      const proc = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 60 + round * 37));
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
      const store = openStore({ dir });
      const got = store.getDraft('p1');
      expect(store.takeNotices()).toEqual([]);
      expect(got).not.toBeNull();
      const memos = new Set(got!.working.entries.map((e) => e.memo));
      expect(got!.working.entries).toHaveLength(20000);
      expect(memos.size).toBe(1);
      seen.add([...memos][0]!);
    }
    expect(seen.size).toBeGreaterThan(1);
    expect(existsSync(join(dir, 'drafts', 'p1.json'))).toBe(true);
  });
});
