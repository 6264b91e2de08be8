import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { exportEntries } from '../../../../shared/export/index.ts';
import { importBytes } from '../../../../shared/import/index.ts';

const ENTRIES: Entry[] = [
  { ip: '192.0.2.1', cidr: null, memo: '=HYPERLINK("http://example.invalid")' },
  { ip: '192.0.2.2', cidr: null, memo: '+1-555' },
  { ip: '192.0.2.3', cidr: null, memo: "it's fine" },
];

describe('a memo the export neutralised comes back with a warning, not silently changed', () => {
  it.each(['cybozu-csv', 'csv'] as const)(
    '%s: export then import names each such row',
    async (format) => {
      const file = await exportEntries(ENTRIES, format);
      const back = await importBytes(file.bytes);
      // Imported as written (no silent reinterpretation either way)…
      expect(back.entries.map((e) => e.memo)).toEqual([
        `'=HYPERLINK("http://example.invalid")`,
        "'+1-555",
        "it's fine",
      ]);
      // …and the admin is told, row by row, where the apostrophe came from.
      const warned = back.problems.filter((p) => p.code === 'IMPORT_MEMO_APOSTROPHE');
      expect(warned.map((p) => [p.row, p.severity, p.field])).toEqual([
        [2, 'warning', 'memo'],
        [3, 'warning', 'memo'],
      ]);
    },
  );

  it('an apostrophe before ordinary text is no warning', async () => {
    const back = await importBytes(new TextEncoder().encode("IP,Memo\r\n192.0.2.9,'quoted'\r\n"));
    expect(back.problems.filter((p) => p.code === 'IMPORT_MEMO_APOSTROPHE')).toEqual([]);
  });
});
