import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createImportRunner, importErrorParams } from '../../../../electron/core/import-runner.ts';

describe('importErrorParams', () => {
  it('keeps the ImportError params and adds its code as reason', () => {
    expect(importErrorParams('TOO_MANY_ROWS', { rows: 250_001, limit: 200_000 })).toEqual({
      rows: 250_001,
      limit: 200_000,
      reason: 'TOO_MANY_ROWS',
    });
  });

  it('passes only what the IPC error schema allows, and reason always names the code', () => {
    expect(
      importErrorParams('CORRUPT_WORKBOOK', {
        detail: 'a file inside it is damaged',
        reason: 'not the code',
        nested: { a: 1 },
        missing: undefined,
        nan: Number.NaN,
      }),
    ).toEqual({ detail: 'a file inside it is damaged', reason: 'CORRUPT_WORKBOOK' });
    expect(importErrorParams('IMPORT_FAILED', undefined)).toEqual({ reason: 'IMPORT_FAILED' });
  });
});

describe('createImportRunner: worker messages are checked', () => {
  // A worker that answers outside the contract (a fault the real worker cannot be made to show).
  const withWorker = async (body: string, check: (url: URL) => Promise<void>): Promise<void> => {
    const dir = await mkdtemp(join(tmpdir(), 'allowlist-worker-'));
    try {
      const file = join(dir, 'worker.mjs');
      await writeFile(
        file,
        `import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => { ${body} });\n`,
      );
      await check(pathToFileURL(file));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it.each([
    [
      'a result that is not an import result',
      "parentPort.postMessage({ type: 'result', result: { entries: 'all of them' } })",
    ],
    ['a message of no known type', "parentPort.postMessage({ type: 'done' })"],
    [
      'a result whose packed entries do not add up',
      "parentPort.postMessage({ type: 'result', result: { entries: { text: 'x', lengths: new Uint32Array(2), cidr: new Float64Array(1), row: new Float64Array(1) }, problems: [], mapping: { headerRow: null, dataStartRow: 1, ip: 0, prefix: null, memo: null }, headers: [], stats: { format: 'csv', rows: 1, blankRows: 0, importedRows: 1, errorRows: 0, entries: 1, errors: 0, warnings: 0 } } })",
    ],
    [
      'progress that is not a count',
      "parentPort.postMessage({ type: 'progress', done: 'half', total: 2 })",
    ],
  ])('%s fails the import instead of passing it on', async (_name, body) => {
    await withWorker(body, async (workerUrl) => {
      const progress: unknown[] = [];
      const runner = createImportRunner({ workerUrl });
      await expect(
        runner.run('job', 'a.csv', new Uint8Array([0x31]), {}, (p) => progress.push(p)),
      ).rejects.toMatchObject({
        code: 'IMPORT_FAILED',
        message: 'The import stopped unexpectedly; the draft is unchanged.',
      });
      expect(progress).toEqual([]);
    });
  });
});

describe('startImportWorker', () => {
  it('starts the real worker through the compile cache when the process has one, with the same result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'allowlist-cache-'));
    try {
      const here = new URL('../../../../electron/core/', import.meta.url);
      // A process of its own: turning the cache on here would change the test runner's process.
      const script = [
        `import module from 'node:module';`,
        `module.enableCompileCache(${JSON.stringify(dir)});`,
        `const { createImportRunner } = await import(${JSON.stringify(new URL('import-runner.ts', here).href)});`,
        `const runner = createImportRunner({ workerUrl: new URL(${JSON.stringify(new URL('import-worker.ts', here).href)}) });`,
        `const bytes = new TextEncoder().encode('IP address,Memo\\n192.0.2.1,Tokyo\\n198.51.100.0/24,Osaka\\n');`,
        `const result = await runner.run('job', 'list.csv', bytes, {}, () => {});`,
        `console.log(JSON.stringify(result.entries));`,
      ].join('\n');
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual([
        { ip: '192.0.2.1', cidr: null, memo: 'Tokyo', row: 2 },
        { ip: '198.51.100.0', cidr: 24, memo: 'Osaka', row: 3 },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
