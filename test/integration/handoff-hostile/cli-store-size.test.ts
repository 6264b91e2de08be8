import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST_COMMAND, allowlistSync, scratchDir } from '../../support/cli.ts';

/** The real command with its (long: the diff lists 6,000 entries) stdout discarded. */
function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const [node, bin] = ALLOWLIST_COMMAND;
    const child = spawn(node, [bin, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LANG: 'C' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * Promise 2, the Store's 10 MB: `allowlist handoff plan --out` with a raised --max-entries and
 * long Japanese memos would write a file the cybozu.com Store refuses. The app refuses it; the
 * CLI must too, and write nothing.
 */
/**
 * The list in force (the admin's address only) and a draft of it plus `rows`, written as files:
 * the arguments of `allowlist handoff plan` that read them.
 */
function planArgs(at: (name: string) => string, rows: string[]): string[] {
  writeFileSync(at('current.csv'), '"IP Address","CIDR","Memo"\r\n"203.0.113.7","","Admin"\r\n');
  writeFileSync(at('big.csv'), `ip,cidr,memo\n203.0.113.7,,Admin\n${rows.join('\n')}\n`);
  return ['handoff', 'plan', '--in-force', at('current.csv'), '--draft', at('big.csv')];
}

describe('allowlist handoff plan --out and the Store’s 10 MB', () => {
  it('a list whose CSV would pass 10 MB: refused, exit 1, no file', async () => {
    const { at } = scratchDir('handoff-size-');
    const memo = '東'.repeat(1000);
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255},,${memo}`,
    );
    const plan = planArgs(at, rows);
    const result = await run([
      ...plan,
      '--max-entries',
      '10000',
      '--confirm',
      'unknown',
      '--out',
      at('out.csv'),
    ]);
    expect(result.stderr).toContain('10 MB');
    expect(existsSync(at('out.csv'))).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('10 MB');
  }, 60_000);
});

describe('allowlist handoff plan --max-entries', () => {
  it('a draft within --max-entries is not also called "over 1000"', async () => {
    const { at } = scratchDir('handoff-limit-');
    const rows = Array.from({ length: 1500 }, (_, i) => `11.0.${(i >> 8) & 255}.${i & 255},,`);
    const plan = planArgs(at, rows);
    const result = allowlistSync([...plan, '--max-entries', '3000', '--json']);
    const out = JSON.parse(result.stdout) as { problems: { code: string }[] };
    expect(out.problems.map((p) => p.code)).not.toContain('TOO_MANY_ENTRIES');
  });
});
