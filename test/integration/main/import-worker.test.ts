import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvoker, type Invoke } from '../../../electron/ipc/handle.ts';
import { createHandlers, type CreatedHandlers } from '../../../electron/ipc/handlers.ts';
import { formatMessage } from '../../../shared/i18n/messages.ts';

const FROM_APP = { senderFrame: { url: 'app://allowlist/index.html', parent: null } };
const dir = mkdtempSync(join(tmpdir(), 'allowlist-import-'));
let created: CreatedHandlers;
let invoke: Invoke;
const events: { event: string; payload: { jobId: string; done: number; total: number } }[] = [];

function csv(rows: number): Uint8Array {
  const lines = ['IP address,CIDR,Memo'];
  for (let i = 0; i < rows; i += 1)
    lines.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255},,office ${i}`);
  lines.push('not-an-ip,,broken row');
  return new TextEncoder().encode(lines.join('\r\n'));
}

beforeAll(async () => {
  created = await createHandlers({
    dataDir: join(dir, 'data'),
    secrets: { get: async () => null, set: async () => {}, delete: async () => false },
  });
  invoke = createInvoker(created.handlers, {
    allowedOrigins: ['app://allowlist'],
    emit: (event, payload) => events.push({ event, payload: payload as never }),
  });
});
afterAll(async () => {
  await created.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('import off the main thread', () => {
  it('parses in a worker with progress events, problems by row, and re-parses without a path', async () => {
    expect(isMainThread).toBe(true);
    const result = await invoke('import:bytes', FROM_APP, {
      jobId: 'job1',
      fileName: 'offices.csv',
      bytes: csv(30_000),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as {
      entries: unknown[];
      problems: { row?: number }[];
      fileName: string;
    };
    expect(value.fileName).toBe('offices.csv');
    expect(value.entries).toHaveLength(30_000);
    expect(value.problems.some((p) => p.row === 30_002)).toBe(true);
    const progress = events.filter(
      (e) => e.event === 'import:progress' && e.payload.jobId === 'job1',
    );
    expect(progress.length).toBeGreaterThan(0);
    const again = await invoke('import:reparse', FROM_APP, {
      jobId: 'job1',
      newJobId: 'job2',
      options: { mapping: { headerRow: 1, dataStartRow: 2, ip: 0, prefix: null, memo: null } },
    });
    expect(again.ok && (again.value as { entries: { memo: string }[] }).entries[0]?.memo).toBe('');
  });

  it('cancel stops the worker and answers canceled', async () => {
    const pending = invoke('import:bytes', FROM_APP, {
      jobId: 'big',
      fileName: 'big.csv',
      bytes: csv(150_000),
    });
    await new Promise((r) => setTimeout(r, 30));
    const canceled = await invoke('import:cancel', FROM_APP, { jobId: 'big' });
    expect(canceled).toEqual({ ok: true, value: { canceled: true } });
    expect(await pending).toEqual({ ok: true, value: { canceled: true } });
  });

  it('an unreadable file is a clear error, not a crash', async () => {
    const result = await invoke('import:bytes', FROM_APP, {
      jobId: 'bad',
      fileName: 'x.xlsx',
      bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED' } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
  });

  it('an unreadable file names its reason and the limits that refused it (params reach the IPC error)', async () => {
    const result = await invoke('import:bytes', FROM_APP, {
      jobId: 'bomb',
      fileName: 'bomb.xlsx',
      bytes: zipSync({
        'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024),
      }),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT_FAILED');
    expect(result.error.params).toMatchObject({
      reason: 'ZIP_RATIO_TOO_HIGH',
      entry: 'xl/worksheets/sheet1.xml',
      limit: 500,
    });
    expect(result.error.params?.ratio).toBeGreaterThan(500);
    const { reason, ...params } = result.error.params ?? {};
    expect(formatMessage(String(reason), params, 'ja')).toBe(
      `ブック内の「xl/worksheets/sheet1.xml」は展開すると ${params.ratio} 倍になります。許容されるのは最大 500 倍です（zip 爆弾対策）。信頼できるファイルか確認してください。`,
    );
    expect(formatMessage(String(reason), params, 'en')).toBe(result.error.message);
  });

  it('checks the entry limit the profile has (passed with the file), also when re-parsing', async () => {
    const limitOf = (result: Awaited<ReturnType<Invoke>>) => {
      if (!result.ok) throw new Error(result.error.message);
      const problems = (result.value as { problems: { code: string; message: string }[] }).problems;
      return problems.filter((p) => p.code === 'TOO_MANY_ENTRIES').map((p) => p.message);
    };
    const first = await invoke('import:bytes', FROM_APP, {
      jobId: 'limit1',
      fileName: 'offices.csv',
      bytes: csv(5),
      options: { maxEntries: 3 },
    });
    expect(limitOf(first)).toEqual(['The list has 5 entries; at most 3 are allowed.']);
    const again = await invoke('import:reparse', FROM_APP, {
      jobId: 'limit1',
      newJobId: 'limit2',
      options: { maxEntries: 5 },
    });
    expect(limitOf(again)).toEqual([]);
  });

  it('re-parsing with a sheet the workbook lacks names the sheet and the sheets there are', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Offices').addRow(['IP address']);
    wb.getWorksheet('Offices')!.addRow(['192.0.2.1']);
    const first = await invoke('import:bytes', FROM_APP, {
      jobId: 'sheets1',
      fileName: 'offices.xlsx',
      bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
    expect(first.ok).toBe(true);
    const again = await invoke('import:reparse', FROM_APP, {
      jobId: 'sheets1',
      newJobId: 'sheets2',
      options: { sheet: 'Branches' },
    });
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'IMPORT_FAILED',
        message: 'The workbook has no sheet "Branches" (sheets: "Offices").',
        params: { reason: 'SHEET_NOT_FOUND', sheet: 'Branches', sheets: '"Offices"' },
        text: 'SHEET_NOT_FOUND',
      },
    });
  });
});
