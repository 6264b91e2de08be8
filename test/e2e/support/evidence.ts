import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Where the suite leaves its screenshots and the benchmark report. */
export const RESULTS_DIR = join(process.cwd(), 'test-results');
export const SCREENS_DIR = join(RESULTS_DIR, 'screens');

/**
 * Save a screenshot of the window as test-results/screens/<name>.png.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  // Let fonts and the virtualized rows settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({
    path: join(SCREENS_DIR, `${name}.png`),
    animations: 'disabled',
    caret: 'hide',
  });
}

/**
 * Run axe on the page and fail on serious or critical violations, naming them.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(described, `axe on ${label}`).toEqual([]);
}

/**
 * Merge a section into test-results/perf.json (a benchmark report, not an assertion).
 */
export async function recordPerf(section: string, data: unknown): Promise<void> {
  const file = join(RESULTS_DIR, 'perf.json');
  await mkdir(dirname(file), { recursive: true });
  const report: Record<string, unknown> = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .catch(() => ({}));
  report[section] = data;
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
