import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveExportFile } from '../../../electron/core/save-file.ts';

const run = promisify(execFile);
const helper = resolve('electron/core/save-file.ts');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allowlist-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveExportFile (the export:save dialog target)', () => {
  it('replaces the chosen file and leaves no temporary file behind', async () => {
    const path = join(dir, 'ip-allowlist.csv');
    await writeFile(path, 'old export\n');
    expect(await saveExportFile(path, new TextEncoder().encode('new export\n'))).toEqual({
      name: 'ip-allowlist.csv',
    });
    expect(await readFile(path, 'utf8')).toBe('new export\n');
    expect(await readdir(dir)).toEqual(['ip-allowlist.csv']);
  });

  it('a write that fails halfway (file size limit) keeps the previous file whole and names the file', async () => {
    // A real fault: `ulimit -f` makes the kernel refuse writes past 8 KiB (EFBIG) mid-file.
    const path = join(dir, 'ip-allowlist.csv');
    const previous = 'ip,cidr,memo\n192.0.2.1,,Tokyo\n';
    await writeFile(path, previous);
    const script = join(dir, 'save.ts');
    await writeFile(
      script,
      [
        `import { saveExportFile } from ${JSON.stringify(helper)};`,
        `try {`,
        `  await saveExportFile(${JSON.stringify(path)}, new Uint8Array(64 * 1024).fill(65));`,
        `  console.log('saved');`,
        `} catch (error) {`,
        `  console.log(JSON.stringify({ code: error.code, message: error.message }));`,
        `}`,
      ].join('\n'),
    );
    const { stdout } = await run('sh', [
      '-c',
      `ulimit -f 16 && exec "$0" "$1"`,
      process.execPath,
      script,
    ]);
    const outcome = JSON.parse(stdout) as { code: string; message: string };
    expect(outcome.code).toBe('EXPORT_FAILED');
    expect(outcome.message).toContain('"ip-allowlist.csv"');
    expect(outcome.message).not.toContain(dir);
    expect(await readFile(path, 'utf8')).toBe(previous);
    expect((await readdir(dir)).sort()).toEqual(['ip-allowlist.csv', 'save.ts']);
  });
});
