import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInBuild, startBrowserMode } from '../support/browser-mode-process.ts';

/**
 * `npm start -- --browser` as a process: prints the URL once, answers on it, and stops cleanly
 * (exit 0, port closed) on SIGTERM and on Ctrl+C (SIGINT). The build is skipped (--no-build)
 * and stand-in renderer files are served; test/e2e runs the real build.
 */

let root: string;

beforeAll(async () => {
  root = await standInBuild('browser-mode-process-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function runUntilSignal(signal: NodeJS.Signals) {
  const { child, url: printed, exited, out } = startBrowserMode(root, join(root, `data-${signal}`));
  const url = await printed;
  // The fragment never reaches the server: the page is public, the API needs the token.
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  child.kill(signal);
  const code = await exited;
  const refused = await fetch(url).then(
    () => false,
    () => true,
  );
  return { code, ...out(), url, refused };
}

describe('browser mode process', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops cleanly on ${signal}: exit 0, the port is closed, the token printed once`, async () => {
      const run = await runUntilSignal(signal);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('browser mode: stopped');
      expect(run.refused).toBe(true);
      const token = new URLSearchParams(new URL(run.url).hash.slice(1)).get('token')!;
      expect(run.stdout.split(token).length - 1).toBe(1);
      expect(run.stderr).not.toContain(token);
    });
  }
});
