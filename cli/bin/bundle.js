/**
 * Whether the `allowlist` bin may run the CLI's bundle (dist/cli, built by `buildCli` in
 * scripts/build.ts) instead of the sources: only when the bundle was built from exactly the files
 * now on disk. Plain JavaScript with no static imports, as the bin it serves.
 */

/** The bundle's folder, relative to the repository's root. */
export const BUNDLE_DIR = 'dist/cli';
/** The bundle's list of what it was built from: `{ files: [[path, ...stamp], ...] }`. */
export const BUNDLE_INPUTS = 'inputs.json';

/**
 * A file's stamp as inputs.json records it: inode, size, and the times of its last change. The
 * change time (ctime) is set by the kernel on every write, rename or `touch`, and no program can
 * set it back, so an edit that keeps the size and restores the modification time (`touch -r`,
 * `cp -p`, an editor's backup swap) still changes the stamp. Read with stat only: the check costs
 * ~0.4 ms for the ~60 files (hashing their contents would first load node:crypto, ~5 ms).
 * @param {string} path
 * @returns {number[] | undefined} undefined when the file is missing
 */
export function stamp(path) {
  const s = process.getBuiltinModule('node:fs').statSync(path, { throwIfNoEntry: false });
  return s && [s.ino, s.size, s.mtimeMs, s.ctimeMs];
}

/**
 * The URL of the bundle's entry (main.mjs) when every file it was built from still has the stamp
 * recorded, else undefined: the bin then runs the sources. ALLOWLIST_FROM_SOURCE=1 always runs the
 * sources. Never throws: a missing or damaged bundle only means the sources run.
 * @param {string} root the repository's root folder
 * @returns {URL | undefined}
 */
export function freshBundle(root) {
  if (process.env.ALLOWLIST_FROM_SOURCE) return undefined;
  const fs = process.getBuiltinModule('node:fs');
  const { join } = process.getBuiltinModule('node:path');
  const { pathToFileURL } = process.getBuiltinModule('node:url');
  try {
    const dir = join(root, BUNDLE_DIR);
    const { files } = JSON.parse(fs.readFileSync(join(dir, BUNDLE_INPUTS), 'utf8'));
    if (!Array.isArray(files) || files.length === 0) return undefined;
    for (const [path, ...recorded] of files) {
      const now = typeof path === 'string' ? stamp(join(root, path)) : undefined;
      if (now === undefined || now.some((v, i) => v !== recorded[i])) return undefined;
    }
    const entry = join(dir, 'main.mjs');
    return fs.existsSync(entry) ? pathToFileURL(entry) : undefined;
  } catch {
    return undefined;
  }
}
