import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:http';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { Config, Entry } from '../../../shared/allowlist/model.ts';
import { readRestriction, writeRestriction } from './service-calls.ts';

/**
 * Helpers of the save, sync, merge, apply, history and recovery stories.
 */

/** The second admin's machine: another caller of the same service (the seed list allows it). */
export const OTHER_ADMIN = '127.0.0.2';

/** Another administrator edits the list on the service (through its HTTP API) and waits for APPLIED. */
export async function otherAdminEdits(
  baseUrl: string,
  edit: (config: Config) => Config,
): Promise<string> {
  const current = await readRestriction(baseUrl, OTHER_ADMIN);
  return writeRestriction(
    baseUrl,
    edit({ mode: current.mode, entries: current.entries }),
    OTHER_ADMIN,
  );
}

/** Change the memo of the entry with this address. */
export function withMemo(config: Config, ip: string, memo: string): Config {
  return { ...config, entries: config.entries.map((e) => (e.ip === ip ? { ...e, memo } : e)) };
}

export function without(config: Config, ip: string): Config {
  return { ...config, entries: config.entries.filter((e) => e.ip !== ip) };
}

export function withEntry(config: Config, entry: Entry): Config {
  return { ...config, entries: [...config.entries, entry] };
}

/** Press "Review and save…"; returns the plan dialog. */
export async function openPlan(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Review and save…' }).click();
  return page.getByRole('dialog', { name: 'Review the changes' });
}

/**
 * Open the plan and save (no lockout), waiting for the saved notice; returns the revision it
 * names.
 */
export async function saveThroughPlan(page: Page): Promise<string> {
  await openPlan(page);
  await confirmPlan(page);
  const notice = page.getByText(/Saved as revision/);
  await expect(notice).toBeVisible();
  // The notice reads "Saved as revision 4. Waiting for it to take effect…" or, once applied (a
  // fast service), "Saved as revision 4, now in force.": the revision ends at ", " or ". ".
  const text = (await notice.textContent()) ?? '';
  return /Saved as revision (\S+?)(?:,|\.)(?:\s|$)/.exec(text)?.[1] ?? '';
}

/** Confirm the open plan dialog. */
export async function confirmPlan(page: Page): Promise<void> {
  const plan = page.getByRole('dialog', { name: 'Review the changes' });
  await plan.getByRole('button', { name: 'Save to service' }).click();
  await expect(plan).toBeHidden();
}

/** The Reset URL of the completion e-mail the service wrote for `revision` (its outbox folder). */
export async function resetUrlFromOutbox(outbox: string, revision: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const names = await readdir(outbox).catch(() => [] as string[]);
    const name = names.find((n) => n.endsWith(`-r${revision}.eml`));
    if (name) {
      const mail = await readFile(join(outbox, name), 'utf8');
      const url = /^Reset URL: (\S+)\r?$/m.exec(mail)?.[1];
      if (url) return url;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no completion e-mail for revision ${revision} in ${outbox}`);
}

/** Open a Reset URL like a browser would (GET, no credentials); returns the HTTP status. */
export function openResetUrl(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}
