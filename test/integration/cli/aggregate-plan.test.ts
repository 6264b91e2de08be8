import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { allowlist, allowlistSync, scratchDir } from '../../support/cli.ts';

const { at } = scratchDir('allowlist-aggregate-');

it('allowlist aggregate plans the optimum and says so, in English and Japanese (where cheapest-first gave +252)', async () => {
  const entries = ['10.0.1.189', '10.0.0.154', '10.0.1.245', '10.0.0.204', '10.0.1.92/30'].map(
    (n) => {
      const [ip, cidr] = n.split('/');
      return { ip, cidr: cidr === undefined ? null : Number(cidr), memo: '' };
    },
  );
  const list = at('list.json');
  writeFileSync(list, JSON.stringify({ mode: 'ALLOW_SPECIFIC', entries }));
  const r = allowlistSync(['aggregate', list, '--max-entries', '3']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.trim().split('\n').at(-1)).toBe(
    '5 -> 3 entries (limit 3): fits, 1 merge(s), 250 extra address(es) allowed (optimal: no plan within the limit allows fewer).',
  );
  const ja = await allowlist(['aggregate', list, '--max-entries', '3'], { lang: 'ja_JP.UTF-8' });
  expect(ja.code, ja.stderr).toBe(0);
  expect(ja.stdout.trim().split('\n').at(-1)).toBe(
    '5 -> 3 件（上限 3）: 上限内、統合 1 件、追加で許可されるアドレス 250 個（最適: 上限内でこれより少ない計画はありません）。',
  );
});
