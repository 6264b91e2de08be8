import { describe, expect, it } from 'vitest';
import { importErrorParams } from '../../../../electron/services/import-runner.ts';

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
