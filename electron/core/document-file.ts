import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { ZodError, type z } from 'zod';

/**
 * One JSON document on disk with `schemaVersion`, own migrations, atomic writes and recovery.
 *
 * conf (electron-store's engine) writes atomically (temp file + rename), so a crash leaves the old
 * or the new file. Every successful write is mirrored to `<name>.last-good.json`. A document that
 * does not parse or does not match its schema is moved aside (`<name>.corrupt-<time>.json`, kept
 * for the user), the last good copy is loaded instead, and a notice says so.
 */

/** Something the user must be told once. */
export type StoreNotice = {
  code: 'STORE_RECOVERED' | 'STORE_RESET' | 'PROFILE_SET_ASIDE';
  message: string;
  params: Record<string, string>;
};

/** The conf-like engine (conf everywhere; electron/main/index.ts says why not electron-store). */
export type ConfLike = { store: Record<string, unknown> };
export type OpenConf = (options: { cwd: string; configName: string }) => ConfLike;

export const openPlainConf: OpenConf = ({ cwd, configName }) =>
  new Conf<Record<string, unknown>>({
    cwd,
    configName,
    clearInvalidConfig: false,
    projectName: 'ip-allowlist-manager',
  });

/** Upgrade a document from `schemaVersion` n to n+1 (index n-1 in the list). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export type DocumentSpec<T> = {
  dir: string;
  name: string;
  /** Current version; a document without `schemaVersion` is version 1. */
  version: number;
  /** migrations[i] upgrades version i+1 to i+2. */
  migrations: readonly Migration[];
  schema: z.ZodType<T>;
  empty: () => T;
  openConf?: OpenConf;
  onNotice?: (notice: StoreNotice) => void;
};

export type DocumentFile<T> = {
  read(): T;
  write(value: T): void;
  readonly path: string;
};

function parseDoc<T>(raw: unknown, spec: DocumentSpec<T>): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('not an object');
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (version > spec.version)
    throw new Error(`written by a newer version (schemaVersion ${version})`);
  while (version < spec.version) {
    const migrate = spec.migrations[version - 1];
    if (!migrate) throw new Error(`no migration from schemaVersion ${version}`);
    doc = migrate(doc);
    version += 1;
  }
  const { schemaVersion: _ignored, ...rest } = doc;
  return spec.schema.parse(rest);
}

/** The first schema issue as "where: what" (a ZodError's message is a JSON dump). */
function schemaReason(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match its schema';
  return `${issue.path.map(String).join('.') || 'document'}: ${issue.message}`;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A temp file this old is a leftover of a crash, never a write in progress. */
const STALE_TEMP_MS = 60_000;

/**
 * Remove temp files an interrupted atomic write left behind (`<file>.tmp-<id>`), so crashes do
 * not pile them up. Only this document's own temps, and only old ones.
 */
function removeStaleTemps(dir: string, prefixes: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const before = Date.now() - STALE_TEMP_MS;
  for (const name of names) {
    if (!prefixes.some((prefix) => name.startsWith(prefix))) continue;
    try {
      const file = join(dir, name);
      if (statSync(file).mtimeMs < before) unlinkSync(file);
    } catch {
      // Gone already or not ours to remove: leave it.
    }
  }
}

/** Open a document, recovering from a corrupt file as described above. */
export function openDocument<T>(spec: DocumentSpec<T>): DocumentFile<T> {
  mkdirSync(spec.dir, { recursive: true });
  const path = join(spec.dir, `${spec.name}.json`);
  const lastGood = join(spec.dir, `${spec.name}.last-good.json`);
  removeStaleTemps(spec.dir, [`${spec.name}.json.tmp-`, `${spec.name}.last-good.json.tmp-`]);
  const open = spec.openConf ?? openPlainConf;

  const recover = (reason: string): void => {
    const aside = join(
      spec.dir,
      `${spec.name}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    renameSync(path, aside);
    let restored = false;
    if (existsSync(lastGood)) {
      try {
        parseDoc(readJson(lastGood), spec);
        copyFileSync(lastGood, path);
        restored = true;
      } catch {
        restored = false;
      }
    }
    spec.onNotice?.({
      code: restored ? 'STORE_RECOVERED' : 'STORE_RESET',
      message: restored
        ? `The file ${spec.name}.json was damaged (${reason}). It was moved aside and the last good copy was loaded.`
        : `The file ${spec.name}.json was damaged (${reason}) and no good copy existed. It was moved aside; this data starts empty.`,
      params: { file: `${spec.name}.json`, movedTo: aside },
    });
  };

  if (existsSync(path)) {
    try {
      parseDoc(readJson(path), spec);
    } catch (error) {
      recover(
        error instanceof SyntaxError
          ? 'not valid JSON'
          : error instanceof ZodError
            ? schemaReason(error)
            : error instanceof Error
              ? error.message.split('\n')[0]!
              : 'unreadable',
      );
    }
  }
  const conf = open({ cwd: spec.dir, configName: spec.name });
  let cache: T | null = null;
  let mirror: ConfLike | null = null;

  return {
    path,
    read() {
      if (cache !== null) return cache;
      const raw = conf.store;
      cache = Object.keys(raw).length === 0 ? spec.empty() : parseDoc(raw, spec);
      return cache;
    },
    write(value) {
      const doc = { schemaVersion: spec.version, ...(value as Record<string, unknown>) };
      conf.store = doc;
      cache = value;
      // Mirror after the main write succeeded: the last-good copy is always a complete document.
      mirror ??= open({ cwd: spec.dir, configName: `${spec.name}.last-good` });
      mirror.store = doc;
    },
  };
}
