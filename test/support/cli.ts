import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Entry } from '../../shared/allowlist/model.ts';

/**
 * The real `allowlist` command in a child process, as an admin runs it (unit and integration
 * tests of cli/): Node 24 from node_modules, cli/bin/allowlist.js, LANG=C unless a locale is given.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const BIN = join(ROOT, 'cli', 'bin', 'allowlist.js');

/** The command line that runs it (for a wrapper such as /usr/bin/time): node, then the script. */
export const ALLOWLIST_COMMAND = [NODE, BIN] as const;

export type CliRun = { code: number; stdout: string; stderr: string };

/** The environment of a run under `lang`; a locale other than C clears LC_ALL and LC_MESSAGES. */
function envFor(lang: string | undefined): NodeJS.ProcessEnv {
  if (lang === undefined) return { ...process.env, LANG: 'C' };
  return { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
}

/** Run the command; resolves with its exit code (2 when it died without one) and its output. */
export function allowlist(args: string[], options: { lang?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(NODE, [BIN, ...args], { env: envFor(options.lang) }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Run the command to the end, `input` on its stdin; `code` is null when a signal ended it. */
export function allowlistSync(args: string[], input?: string | Buffer) {
  const r = spawnSync(NODE, [BIN, ...args], { encoding: 'utf8', input, env: envFor(undefined) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A scratch folder for the calling file, made now and removed after its last test; `at(name)` is
 * a path inside it.
 */
export function scratchDir(prefix: string): { dir: string; at: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, at: (name: string) => join(dir, name) };
}

/** A list file's text in the service's GET shape (mode ALLOW_SPECIFIC), `extra` fields after. */
export function listJson(entries: Entry[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ mode: 'ALLOW_SPECIFIC', entries, ...extra });
}
