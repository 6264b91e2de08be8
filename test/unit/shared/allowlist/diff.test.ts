import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { diffConfigs, networkKey } from '../../../../shared/allowlist/diff.ts';
import { entryList } from '../../support/arbitraries.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });

describe('networkKey', () => {
  it('keys by the covered network; invalid text keys as itself', () => {
    expect(networkKey(e('10.0.0.5', 24))).toBe('10.0.0.0/24');
    expect(networkKey(e('10.0.0.5'))).toBe('10.0.0.5/32');
    expect(networkKey(e('010.1.1.1'))).toBe('10.1.1.1/32');
    expect(networkKey(e('1.2.3'))).toBe('raw:1.2.3/');
  });
});

describe('diffConfigs', () => {
  it('reports added, removed, memo changes, rewrites and mode change', () => {
    const a = {
      mode: 'ALLOW_ALL' as const,
      entries: [e('8.8.8.8', null, 'dns'), e('9.9.9.0', 24, 'q'), e('1.1.1.1'), e('7.7.7.5', 24)],
    };
    const b = {
      mode: 'ALLOW_SPECIFIC' as const,
      entries: [
        e('8.8.8.8', null, 'google'),
        e('9.9.9.0', 24, 'q'),
        e('2.2.2.2'),
        e('7.7.7.0', 24),
      ],
    };
    expect(diffConfigs(a, b)).toEqual({
      modeChanged: { from: 'ALLOW_ALL', to: 'ALLOW_SPECIFIC' },
      added: [e('2.2.2.2')],
      removed: [e('1.1.1.1')],
      memoChanged: [{ before: e('8.8.8.8', null, 'dns'), after: e('8.8.8.8', null, 'google') }],
      rewritten: [{ before: e('7.7.7.5', 24), after: e('7.7.7.0', 24) }],
      unchanged: 1,
    });
  });

  it('accounts for every entry of both sides (property)', () => {
    fc.assert(
      fc.property(entryList(15), entryList(15), (x, y) => {
        const d = diffConfigs(
          { mode: 'ALLOW_SPECIFIC', entries: x },
          { mode: 'ALLOW_SPECIFIC', entries: y },
        );
        const paired = d.memoChanged.length + d.rewritten.length + d.unchanged;
        expect(paired + d.removed.length).toBe(x.length);
        expect(paired + d.added.length).toBe(y.length);
        expect(d.modeChanged).toBeNull();
        const self = diffConfigs(
          { mode: 'ALLOW_SPECIFIC', entries: x },
          { mode: 'ALLOW_SPECIFIC', entries: x },
        );
        expect(self.unchanged).toBe(x.length);
      }),
    );
  });
});
