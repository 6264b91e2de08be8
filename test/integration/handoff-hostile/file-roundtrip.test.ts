import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { codeOf, planAndPrepare, startWorldAt, type World } from './support.ts';

/**
 * Promise 2: the file is exactly what the Store takes, and never drops or reinterprets an entry
 * silently. Each draft entry is either in the file, read back the same by the app's own import
 * (the admin states the list in force from such a file), or refused by name.
 */
let w: World;
beforeEach(async () => {
  w = await startWorldAt('198.51.100.7', {
    mode: 'ALLOW_SPECIFIC',
    entries: [{ ip: '198.51.100.7', cidr: null, memo: 'me' }],
  });
});
afterEach(async () => {
  await w.close();
});

const me = { ip: '198.51.100.7', cidr: null, memo: 'me' };

async function reimport(bytes: Uint8Array) {
  const result = await w.call('import:bytes', {
    jobId: 'reimport-1',
    fileName: 'x.csv',
    bytes: new Uint8Array(bytes),
  });
  if (!('entries' in result)) throw new Error('import canceled');
  return result;
}

describe('what the file holds', () => {
  it('header, Shift_JIS, CRLF, every field quoted; tricky memos read back the same', async () => {
    const draft: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [
        me,
        { ip: '198.51.100.8', cidr: null, memo: 'He said "hi", then left' },
        { ip: '198.51.100.9', cidr: null, memo: '東京本社・ｶﾀｶﾅ' },
        { ip: '203.0.113.0', cidr: 24, memo: '' },
        { ip: '192.0.2.1', cidr: 32, memo: 'a,b,,c' },
        { ip: '192.0.2.2', cidr: null, memo: '  padded  ' },
        { ip: '192.0.2.3', cidr: null, memo: '0012' },
        { ip: '192.0.2.4', cidr: null, memo: '"' },
        { ip: '192.0.2.5', cidr: null, memo: '　全角スペース　' },
        { ip: '192.0.2.6', cidr: null, memo: 'back\\slash ~ tilde' },
      ],
    };
    await w.call('draft:save', { profileId: w.profileId, working: draft });
    const { prepared } = await planAndPrepare(w);
    expect(prepared.status).toBe('ready');
    const bytes = w.files[0]!.bytes;
    const text = new TextDecoder('shift_jis').decode(bytes);
    expect(text.startsWith('"IP Address","CIDR","Memo"\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const back = await reimport(bytes);
    expect(back.entries.map(({ ip, cidr, memo }) => ({ ip, cidr, memo }))).toEqual(draft.entries);
  });

  for (const memo of ['=cmd|/c calc', '+1 office', '@SUM(A1)', '-VPN', '\tTab']) {
    it(`memo ${JSON.stringify(memo)}: never stored on the Store as another memo unseen`, async () => {
      const draft: Config = {
        mode: 'ALLOW_SPECIFIC',
        entries: [me, { ip: '198.51.100.8', cidr: null, memo }],
      };
      await w.call('draft:save', { profileId: w.profileId, working: draft });
      const { prepared } = await planAndPrepare(w);
      if (prepared.status === 'refused') {
        // Refused by name: entry 2 (index 1), and no file.
        expect(prepared.leftOut.map((l) => l.index)).toEqual([1]);
        expect(prepared.problems).toContainEqual(
          expect.objectContaining({ code: 'EXPORT_FORMULA_REFUSED', index: 1 }),
        );
        expect(w.files).toHaveLength(0);
        return;
      }
      // Or written so that the Store (which keeps the memo as the file has it) keeps this memo.
      const back = await reimport(w.files[0]!.bytes);
      expect(back.entries[1]?.memo).toBe(memo);
    });
  }

  it('a memo with a character Shift_JIS lacks is refused by name, no file', async () => {
    await w.call('draft:save', {
      profileId: w.profileId,
      working: {
        mode: 'ALLOW_SPECIFIC',
        entries: [me, { ip: '198.51.100.8', cidr: null, memo: 'ok 😀' }],
      },
    });
    const { prepared } = await planAndPrepare(w);
    expect(prepared.status).toBe('refused');
    if (prepared.status === 'refused')
      expect(prepared.leftOut).toEqual([{ index: 1, reason: 'unencodable' }]);
    expect(w.files).toHaveLength(0);
  });

  it('a memo with a line break is refused by name or read back the same', async () => {
    const draft: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [me, { ip: '198.51.100.8', cidr: null, memo: 'line one\r\nline two' }],
    };
    await w.call('draft:save', { profileId: w.profileId, working: draft });
    const code = await codeOf(planAndPrepare(w)).catch(() => 'ok');
    if (code !== 'ok') {
      expect(code).toBe('PLAN_BLOCKED');
      const { plan } = await w.call('handoff:plan', { profileId: w.profileId });
      expect(plan.problems.some((p) => p.index === 1)).toBe(true);
      expect(w.files).toHaveLength(0);
      return;
    }
    const back = await reimport(w.files[0]!.bytes);
    expect(back.entries[1]?.memo).toBe(draft.entries[1]!.memo);
  });

  for (const [label, entry] of [
    ['leading zeros 010.1.1.1', { ip: '010.1.1.1', cidr: null, memo: '' }],
    ['prefix /33', { ip: '198.51.100.0', cidr: 33, memo: '' }],
  ] as const) {
    it(`${label}: the plan names the entry and no file is made`, async () => {
      await w.call('draft:save', {
        profileId: w.profileId,
        working: { mode: 'ALLOW_SPECIFIC', entries: [me, entry] },
      });
      expect(await codeOf(planAndPrepare(w))).toBe('PLAN_BLOCKED');
      const { plan } = await w.call('handoff:plan', { profileId: w.profileId });
      expect(plan.blockers.some((p) => p.index === 1)).toBe(true);
      expect(w.files).toHaveLength(0);
    });
  }

  it('over the limit (1,001 entries): blocked, no file', async () => {
    const entries = [
      me,
      ...Array.from({ length: 1000 }, (_, i) => ({
        ip: `10.${(i >> 8) & 255}.${i & 255}.1`,
        cidr: null,
        memo: '',
      })),
    ];
    await w.call('draft:save', {
      profileId: w.profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries },
    });
    expect(await codeOf(planAndPrepare(w))).toBe('PLAN_BLOCKED');
    expect(w.files).toHaveLength(0);
  });
});
