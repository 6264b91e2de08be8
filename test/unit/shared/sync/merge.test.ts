import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config, Entry } from '../../../../shared/allowlist/model.ts';
import { networkKey as entryKey } from '../../../../shared/allowlist/diff.ts';
import { mergeConfigs, resolveConflicts, sameConfig } from '../../../../shared/sync/merge.ts';

const e = (ip: string, cidr: number | null, memo = ''): Entry => ({ ip, cidr, memo });
const cfg = (entries: Entry[], mode: Config['mode'] = 'ALLOW_SPECIFIC'): Config => ({
  mode,
  entries,
});

describe('networkKey (merge key)', () => {
  it('keys by network, never reading a leading zero as octal', () => {
    expect(entryKey(e('10.0.0.5', 24))).toBe(entryKey(e('10.0.0.0', 24)));
    expect(entryKey(e('10.0.0.5', null))).toBe('10.0.0.5/32');
    expect(entryKey(e('010.1.1.1', null))).not.toBe(entryKey(e('8.1.1.1', null)));
  });
});

describe('mergeConfigs', () => {
  const base = cfg([e('192.0.2.1', null, 'Tokyo'), e('198.51.100.0', 24, 'Osaka')]);

  it('takes changes from both sides when they touch different networks', () => {
    const local = cfg([...base.entries, e('203.0.113.0', 24, 'Nagoya')]);
    const remote = cfg([base.entries[0]!, e('198.51.100.0', 24, 'Osaka HQ')]);
    const out = mergeConfigs(base, local, remote);
    expect(out.conflicts).toEqual([]);
    expect(out.merged.entries).toEqual([
      e('192.0.2.1', null, 'Tokyo'),
      e('198.51.100.0', 24, 'Osaka HQ'),
      e('203.0.113.0', 24, 'Nagoya'),
    ]);
    expect(out.local).toEqual({ added: 1, removed: 0, memoChanged: 0, modeChanged: false });
    expect(out.remote).toEqual({ added: 0, removed: 0, memoChanged: 1, modeChanged: false });
  });

  it('keeps one copy when both sides added the same network', () => {
    const both = cfg([...base.entries, e('203.0.113.9', null, 'VPN')]);
    const out = mergeConfigs(base, both, cfg([e('203.0.113.9', null, 'VPN'), ...base.entries]));
    expect(out.conflicts).toEqual([]);
    expect(out.merged.entries.filter((x) => x.ip === '203.0.113.9')).toHaveLength(1);
  });

  it('reports a conflict when one side deleted and the other changed the memo', () => {
    const local = cfg([base.entries[1]!]);
    const remote = cfg([e('192.0.2.1', null, 'Tokyo 2F'), base.entries[1]!]);
    const out = mergeConfigs(base, local, remote);
    expect(out.conflicts).toEqual([
      expect.objectContaining({
        kind: 'entry',
        reason: 'deleted-vs-changed',
        local: null,
        remote: e('192.0.2.1', null, 'Tokyo 2F'),
      }),
    ]);
    // unresolved: local side held
    expect(out.merged.entries).toEqual([base.entries[1]]);
    const takeRemote = resolveConflicts(out.merged, out.conflicts, [
      { id: out.conflicts[0]!.id, choice: 'remote' },
    ]);
    expect(takeRemote.entries).toContainEqual(e('192.0.2.1', null, 'Tokyo 2F'));
    const takeLocal = resolveConflicts(out.merged, out.conflicts, [
      { id: out.conflicts[0]!.id, choice: 'local' },
    ]);
    expect(takeLocal.entries).toEqual([base.entries[1]]);
  });

  it('reports a conflict when both changed the mode differently, and when both changed one memo', () => {
    const b = cfg(base.entries, 'ALLOW_SPECIFIC');
    const local = cfg([e('192.0.2.1', null, 'A'), base.entries[1]!], 'ALLOW_SPECIFIC');
    const remote = cfg([e('192.0.2.1', null, 'B'), base.entries[1]!], 'ALLOW_ALL');
    const out = mergeConfigs(b, local, remote);
    // The service's mode changed while the admin edited entries: the mode is the admin's call.
    expect(out.conflicts.map((c) => c.kind)).toEqual(['mode', 'entry']);
    expect(out.conflicts[0]).toMatchObject({ reason: 'remote-changed-while-editing' });
    expect(out.merged.mode).toBe('ALLOW_SPECIFIC');
    const both = mergeConfigs(
      cfg([], 'ALLOW_ALL'),
      cfg([e('1.1.1.1', null)], 'ALLOW_SPECIFIC'),
      cfg([], 'ALLOW_ALL'),
    );
    expect(both.conflicts).toEqual([]);
    expect(both.merged.mode).toBe('ALLOW_SPECIFIC');
  });

  it('a Reset URL ("Allow all") while the admin edited entries during the lockout is a decision, never merged silently', () => {
    const b = cfg([e('192.0.2.1', null)], 'ALLOW_SPECIFIC');
    const local = cfg([e('192.0.2.1', null), e('203.0.113.5', null)], 'ALLOW_SPECIFIC');
    const reset = cfg([e('192.0.2.1', null)], 'ALLOW_ALL');
    const out = mergeConfigs(b, local, reset);
    expect(out.conflicts).toEqual([
      {
        id: 'mode',
        kind: 'mode',
        reason: 'remote-changed-while-editing',
        base: 'ALLOW_SPECIFIC',
        local: 'ALLOW_SPECIFIC',
        remote: 'ALLOW_ALL',
      },
    ]);
    expect(
      resolveConflicts(out.merged, out.conflicts, [{ id: 'mode', choice: 'local' }]).mode,
    ).toBe('ALLOW_SPECIFIC');
    expect(
      resolveConflicts(out.merged, out.conflicts, [{ id: 'mode', choice: 'remote' }]).mode,
    ).toBe('ALLOW_ALL');
    // Without local entry edits the service's mode change is simply taken.
    expect(mergeConfigs(b, b, reset)).toMatchObject({
      conflicts: [],
      merged: { mode: 'ALLOW_ALL' },
    });
  });

  it('before a first pull the stand-in base has no mode of anyone: the service’s mode is taken', () => {
    const out = mergeConfigs(
      cfg([], 'ALLOW_ALL'),
      cfg([e('192.0.2.1', null)], 'ALLOW_ALL'),
      cfg([e('198.51.100.1', null)], 'ALLOW_SPECIFIC'),
      { firstPull: true },
    );
    expect(out.conflicts).toEqual([]);
    expect(out.merged.mode).toBe('ALLOW_SPECIFIC');
  });

  it('refuses to resolve with a conflict left open', () => {
    const out = mergeConfigs(
      base,
      cfg([e('192.0.2.1', null, 'X')]),
      cfg([e('192.0.2.1', null, 'Y')]),
    );
    expect(() => resolveConflicts(out.merged, out.conflicts, [])).toThrow(/still need a choice/);
  });

  const entryArb = fc.record({
    ip: fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3', '192.0.2.0', '198.51.100.7'),
    cidr: fc.constantFrom(null, 24, 32),
    memo: fc.constantFrom('', 'a', 'b'),
  });
  const configArb = fc.record({
    mode: fc.constantFrom('ALLOW_ALL' as const, 'ALLOW_SPECIFIC' as const),
    entries: fc.array(entryArb, { maxLength: 6 }),
  });

  it('properties: merge with an unchanged side yields the other side; a merge never loses a change silently', () => {
    fc.assert(
      fc.property(configArb, configArb, (b, other) => {
        const a = mergeConfigs(b, b, other);
        expect(a.conflicts).toEqual([]);
        expect(new Set(a.merged.entries.map(entryKey))).toEqual(
          new Set(other.entries.map(entryKey)),
        );
        expect(a.merged.mode).toBe(other.mode);
        const c = mergeConfigs(b, other, b);
        expect(c.conflicts).toEqual([]);
        expect(sameConfig(c.merged, other)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(configArb, configArb, configArb, (b, l, r) => {
        const out = mergeConfigs(b, l, r);
        // choosing "local" for every conflict keeps every local entry that remote did not change
        const local = resolveConflicts(
          out.merged,
          out.conflicts,
          out.conflicts.map((x) => ({ id: x.id, choice: 'local' })),
        );
        for (const entry of l.entries) {
          const changedRemotely = !b.entries.some((x) => entryKey(x) === entryKey(entry))
            ? false
            : true;
          if (!changedRemotely) expect(local.entries.map(entryKey)).toContain(entryKey(entry));
        }
      }),
    );
  });
});

describe('mergeConfigs with repeated networks', () => {
  const key = (x: Entry): string => `${entryKey(x)} ${x.memo}`;
  // A base with repeated networks, every (network, memo) once; each side keeps, deletes or
  // re-memos each base entry and may add some.
  type Op = 'keep' | 'delete' | 'memo';
  const caseArb = fc
    .array(fc.constantFrom('192.0.2.1', '192.0.2.2', '10.0.0.0/8'), { minLength: 1, maxLength: 7 })
    .chain((nets) =>
      fc.record({
        base: fc.constant(
          nets.map((n, i) => {
            const [ip, cidr] = n.split('/');
            return e(ip!, cidr ? Number(cidr) : null, `base ${i}`);
          }),
        ),
        local: fc.array(fc.constantFrom<Op>('keep', 'delete', 'memo'), {
          minLength: nets.length,
          maxLength: nets.length,
        }),
        remote: fc.array(fc.constantFrom<Op>('keep', 'delete', 'memo'), {
          minLength: nets.length,
          maxLength: nets.length,
        }),
        addLocal: fc.subarray(['192.0.2.1', '192.0.2.2']),
        addRemote: fc.subarray(['192.0.2.1', '192.0.2.2']),
      }),
    );
  const side = (base: Entry[], ops: Op[], added: string[], who: string): Entry[] => [
    ...base.flatMap((x, i) =>
      ops[i] === 'delete' ? [] : ops[i] === 'memo' ? [{ ...x, memo: `${x.memo} by ${who}` }] : [x],
    ),
    ...added.map((ip) => e(ip, null, `added by ${who}`)),
  ];

  it('deleting one duplicate locally and the other remotely deletes both (no resurrection)', () => {
    const b = cfg([e('192.0.2.1', null, 'first'), e('192.0.2.1', null, 'second')]);
    const out = mergeConfigs(b, cfg([b.entries[0]!]), cfg([b.entries[1]!]));
    expect(out.conflicts).toEqual([]);
    expect(out.merged.entries).toEqual([]);
    expect(out.local.removed).toBe(1);
    expect(out.remote.removed).toBe(1);
  });

  it('properties: a deletion on either side survives unless the other side changed that same entry; every change is kept or asked about', () => {
    fc.assert(
      fc.property(caseArb, ({ base, local, remote, addLocal, addRemote }) => {
        const l = cfg(side(base, local, addLocal, 'L'));
        const r = cfg(side(base, remote, addRemote, 'R'));
        const out = mergeConfigs(cfg(base), l, r);
        const merged = new Set(out.merged.entries.map(key));
        const asked = new Set(
          out.conflicts.flatMap((c) =>
            c.kind === 'entry' ? [c.local, c.remote].flatMap((x) => (x ? [key(x)] : [])) : [],
          ),
        );
        base.forEach((x, i) => {
          const deleted = local[i] === 'delete' || remote[i] === 'delete';
          const otherChanged = local[i] === 'memo' || remote[i] === 'memo';
          // A deletion survives (in the merge as it stands, and whatever the admin picks).
          if (deleted && !otherChanged) {
            expect(merged.has(key(x)), key(x)).toBe(false);
            const remoteWins = resolveConflicts(
              out.merged,
              out.conflicts,
              out.conflicts.map((c) => ({ id: c.id, choice: 'remote' })),
            );
            expect(remoteWins.entries.map(key)).not.toContain(key(x));
          }
          // An untouched entry stays.
          if (local[i] === 'keep' && remote[i] === 'keep') expect(merged.has(key(x))).toBe(true);
        });
        // Every edit and addition is in the merge or shown in a conflict.
        for (const x of [...l.entries, ...r.entries])
          if (x.memo.includes(' by '))
            expect(merged.has(key(x)) || asked.has(key(x)), key(x)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeConfigs after an unconfirmed save', () => {
  it('a change of ours the service does not show is asked about, never kept or dropped silently', () => {
    const b = cfg([e('192.0.2.1', null, 'a'), e('192.0.2.2', null, 'b')]);
    const l = cfg([e('192.0.2.1', null, 'a2'), e('192.0.2.9', null, 'new')], 'ALLOW_ALL');
    const out = mergeConfigs(b, l, b, { unconfirmedBase: true });
    expect(out.conflicts.map((c) => c.reason)).toEqual([
      'unconfirmed-save',
      'unconfirmed-save',
      'unconfirmed-save',
      'unconfirmed-save',
    ]);
    // What the service shows and we pushed alike is simply kept.
    expect(mergeConfigs(b, l, l, { unconfirmedBase: true }).conflicts).toEqual([]);
    // Taking the service's side everywhere gives the service's list.
    const theirs = resolveConflicts(
      out.merged,
      out.conflicts,
      out.conflicts.map((c) => ({ id: c.id, choice: 'remote' })),
    );
    expect(theirs).toEqual(b);
  });
});
