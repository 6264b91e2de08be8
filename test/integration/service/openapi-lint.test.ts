import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOC = 'shared/contract/openapi.json';

/** Run an npm-installed CLI from node_modules/.bin, offline and without telemetry. */
function run(bin: string, args: string[]) {
  const result = spawnSync(`node_modules/.bin/${bin}`, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the OpenAPI document passes both linters with no warning', () => {
  it("Redocly CLI's recommended rules", () => {
    const r = run('redocly', ['lint', '--config', 'shared/contract/redocly.yaml', DOC]);
    expect(r.output).toContain('Your API description is valid');
    expect(r.output).not.toMatch(/warning/i);
    expect(r.status, r.output).toBe(0);
  });

  it("Spectral's spectral:oas ruleset, failing on warnings too", () => {
    const r = run('spectral', [
      'lint',
      '--ruleset',
      'shared/contract/spectral.yaml',
      '--fail-severity',
      'warn',
      DOC,
    ]);
    expect(r.output).toContain('No results with a severity of');
    expect(r.status, r.output).toBe(0);
  });
});
