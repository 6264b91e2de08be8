import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The entry points under the machine's own, older Node (Debian's /usr/bin/node, 20 here) say
 * that they need Node 24 and how to get it, instead of a SyntaxError.
 */
const systemNode = '/usr/bin/node';
const version = existsSync(systemNode)
  ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
  : '';
const old = /^v(\d+)\./.exec(version) !== null && Number(/^v(\d+)\./.exec(version)![1]) < 24;

describe.skipIf(!old)(`entry points under the system Node (${version || 'none'})`, () => {
  const cases = [
    ['cli/bin/allowlist.js', 'allowlist', 'npx allowlist …'],
    ['service/bin/allowlist-service.js', 'allowlist-service', 'npx allowlist-service …'],
    ['scripts/require-install.js', 'This npm script', 'npm test, npm start'],
  ] as const;
  for (const [file, command, example] of cases) {
    it(`${file} says it needs Node 24 and how to run it`, () => {
      const run = spawnSync(systemNode, [file, '--help'], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `${command} needs Node 24 or newer; this is Node ${version.slice(1)}. ` +
          `Inside the repository run it through npm (\`${example}\`): npm install puts Node 24 in node_modules/.bin. ` +
          'Elsewhere install Node 24 (https://nodejs.org/ or `nvm install 24`).\n',
      );
    });
  }
});

describe.skipIf(!old)(
  `postinstall's CLI bundle under the system Node (${version || 'none'})`,
  () => {
    it('does not fail npm install: it says the command runs from its sources', () => {
      const run = spawnSync(systemNode, ['scripts/install-cli.js'], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(
        'The allowlist command runs from its sources (its bundle was not built); `npm run build` builds it.\n',
      );
    });
  },
);
