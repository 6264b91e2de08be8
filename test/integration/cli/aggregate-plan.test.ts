import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'allowlist-aggregate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('allowlist aggregate plans the optimum and says so (where cheapest-first gave +252)', () => {
  const entries = ['10.0.1.189', '10.0.0.154', '10.0.1.245', '10.0.0.204', '10.0.1.92/30'].map(
    (n) => {
      const [ip, cidr] = n.split('/');
      return { ip, cidr: cidr === undefined ? null : Number(cidr), memo: '' };
    },
  );
  const list = join(dir, 'list.json');
  writeFileSync(list, JSON.stringify({ mode: 'ALLOW_SPECIFIC', entries }));
  const r = spawnSync(
    join(root, 'node_modules', '.bin', 'node'),
    [join(root, 'cli', 'bin', 'allowlist.js'), 'aggregate', list, '--max-entries', '3'],
    { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
  );
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim().split('\n').at(-1)).toBe(
    '5 -> 3 entries (limit 3): fits, 1 merge(s), 250 extra address(es) allowed (optimal: no plan within the limit allows fewer).',
  );
});
