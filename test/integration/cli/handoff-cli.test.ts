import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEntries } from '../../../shared/export/index.ts';
import { downEndpoint, echo, type Fake } from '../../support/handoff-fakes.ts';
import { allowlist as cli, scratchDir } from '../../support/cli.ts';

/**
 * `allowlist handoff plan` and `allowlist egress`, run as the real command against loopback echo
 * endpoints (stand-ins for the public "what is my IP" services). Asynchronous runs: the echo
 * servers live in this process and must answer while the command runs.
 */

const ME = '203.0.113.7';
const { at } = scratchDir('allowlist-handoff-cli-');
const fakes: Fake[] = [];

let mine: Fake;
let other: Fake;
beforeAll(async () => {
  mine = await echo(ME);
  other = await echo('198.51.100.9');
  fakes.push(mine, other);
  writeFileSync(
    at('current.csv'),
    '"IP Address","CIDR","Memo"\r\n"203.0.113.7","","Admin office"\r\n"198.51.100.0","24","Branch"\r\n',
  );
  writeFileSync(at('new.csv'), 'ip,cidr,memo\n192.0.2.10,,HQ\n198.51.100.0,24,Branch\n');
  writeFileSync(at('keep.csv'), 'ip,cidr,memo\n203.0.113.7,,Admin office\n192.0.2.10,,HQ\n');
});
afterAll(async () => {
  for (const f of fakes) await f.close();
});

describe('allowlist handoff plan / allowlist egress', () => {
  it('the plan names who loses access; the file is written only with the phrase, exactly the Store CSV', async () => {
    const base = ['handoff', 'plan', '--in-force', at('current.csv'), '--draft', at('new.csv')];
    const egress = ['--egress', '--endpoint', mine.url, '--endpoint', mine.url];
    const blocked = await cli([...base, ...egress, '--out', at('out.csv')]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(`your address (the address-check endpoints agree): ${ME}`);
    expect(blocked.stdout).toContain(`${ME} (you): LOSES ACCESS`);
    expect(blocked.stdout).toContain(`add --confirm "${ME}"`);
    expect(existsSync(at('out.csv'))).toBe(false);

    const done = await cli([...base, ...egress, '--out', at('out.csv'), '--confirm', ME]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('wrote');
    const expected = await exportEntries(
      [
        { ip: '192.0.2.10', cidr: null, memo: 'HQ' },
        { ip: '198.51.100.0', cidr: 24, memo: 'Branch' },
      ],
      'cybozu-csv',
    );
    expect(readFileSync(at('out.csv')).equals(Buffer.from(expected.bytes))).toBe(true);
  });

  it('without an agreed address the guard asks for "unknown", even for a list that keeps it', async () => {
    const base = ['handoff', 'plan', '--in-force', at('current.csv'), '--draft', at('keep.csv')];
    const unasked = await cli([...base, '--json']);
    expect(unasked.code).toBe(1);
    expect(JSON.parse(unasked.stdout)).toMatchObject({
      confirmationPhrase: 'unknown',
      egress: null,
    });
    const split = await cli([...base, '--egress', '--endpoint', mine.url, '--endpoint', other.url]);
    expect(split.code).toBe(1);
    expect(split.stdout).toContain('the endpoints saw different addresses');
    const agreed = await cli([...base, '--egress', '--endpoint', mine.url]);
    expect(agreed.code).toBe(0);
    expect(agreed.stdout).toContain('the plan holds');
  });

  it('egress: agreeing, disagreeing and down endpoints', async () => {
    const ok = await cli(['egress', '--endpoint', mine.url, '--endpoint', await downEndpoint()]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`your address: ${ME}`);
    expect(ok.stdout).toMatch(/no answer \(Cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED\.\)/);
    const split = await cli(['egress', '--json', '--endpoint', mine.url, '--endpoint', other.url]);
    expect(split.code).toBe(1);
    expect(JSON.parse(split.stdout)).toMatchObject({ verdict: 'disagree', ip: null });
    const none = await cli(['egress', '--endpoint', await downEndpoint()]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('no endpoint gave a public IP address');
  });
});
