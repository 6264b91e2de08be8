import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../bench/summary.ts';

describe('npm run bench', () => {
  it('counts a missed goal (ratio, floor or ceiling) as a miss, a skipped or goal-less result not', () => {
    const { lines, missed } = summarize([
      { name: 'fast', ratio: 3.5, target: 3 },
      { name: 'slow', ratio: 0.9, target: 3 },
      { name: 'plan', value: 1200, unit: 'ms', maxValue: 1000 },
      { name: 'rate', ratio: 1, value: 4e6, unit: 'lines/s', targetValue: 5e6 },
      { name: 'grepcidr', skipped: 'grepcidr is not installed' },
      { name: 'strings', ratio: 60 },
    ]);
    expect(missed).toBe(3);
    expect(lines).toEqual([
      'ok    fast: 3.50x (goal >= 3x)',
      'MISS  slow: 0.90x (goal >= 3x)',
      'MISS  plan:  1,200 ms (goal <= 1,000)',
      'MISS  rate: 1.00x  4,000,000 lines/s (goal >= 5,000,000)',
      'SKIP  grepcidr: grepcidr is not installed',
      'info  strings: 60.00x',
    ]);
  });

  it('an unknown bench name runs nothing and exits 1, naming the benches', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const r = spawnSync(
      join(root, 'node_modules', '.bin', 'node'),
      [join(root, 'bench', 'run.ts'), 'no-such-bench'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'bench: no bench matches "no-such-bench"; the benches are: aggregate, impact, import, matcher.\n',
    );
  });
});
