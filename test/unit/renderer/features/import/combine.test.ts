import { describe, expect, it } from 'vitest';
import type { Config } from '../../../../../shared/allowlist/model.ts';
import { combineImport } from '../../../../../renderer/features/import/combine.ts';

const current: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [
    { ip: '127.0.0.1', cidr: null, memo: 'Admin' },
    { ip: '160.16.0.0', cidr: 16, memo: 'Osaka office' },
    { ip: '133.242.10.8', cidr: null, memo: 'Tokyo gateway' },
  ],
};

describe('combineImport', () => {
  it('merge keeps every entry, takes a non-empty memo from the file, appends new networks once', () => {
    const { config, diff } = combineImport(
      current,
      [
        { ip: '160.16.0.0', cidr: 16, memo: '大阪' },
        { ip: '133.242.10.8', cidr: 32, memo: '' },
        { ip: '203.0.113.0', cidr: 24, memo: 'HQ' },
        { ip: '203.0.113.0', cidr: 24, memo: 'HQ again' },
      ],
      'merge',
    );
    expect(config.entries).toEqual([
      { ip: '127.0.0.1', cidr: null, memo: 'Admin' },
      { ip: '160.16.0.0', cidr: 16, memo: '大阪' },
      { ip: '133.242.10.8', cidr: null, memo: 'Tokyo gateway' },
      { ip: '203.0.113.0', cidr: 24, memo: 'HQ' },
    ]);
    expect(diff.added).toEqual([{ ip: '203.0.113.0', cidr: 24, memo: 'HQ' }]);
    expect(diff.removed).toEqual([]);
    expect(diff.memoChanged).toHaveLength(1);
    expect(diff.unchanged).toBe(2);
  });

  it('replace makes the list exactly the file and reports what goes', () => {
    const { config, diff } = combineImport(
      current,
      [{ ip: '203.0.113.0', cidr: 24, memo: 'HQ' }],
      'replace',
    );
    expect(config).toEqual({
      mode: 'ALLOW_SPECIFIC',
      entries: [{ ip: '203.0.113.0', cidr: 24, memo: 'HQ' }],
    });
    expect(diff.removed.map((e) => e.ip)).toEqual(['127.0.0.1', '160.16.0.0', '133.242.10.8']);
  });

  it('never changes the mode', () => {
    const allowAll: Config = { ...current, mode: 'ALLOW_ALL' };
    expect(combineImport(allowAll, [], 'replace').config.mode).toBe('ALLOW_ALL');
    expect(combineImport(allowAll, [], 'replace').diff.modeChanged).toBeNull();
  });
});
