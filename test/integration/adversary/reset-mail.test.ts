import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../node-shared/atomic-file.ts';
import { createHttpService } from '../../../electron/core/service-client.ts';
import { startService, type RunningService } from '../../../service/server.ts';

/**
 * Promise 2 (never lock out silently; the way back is the Reset URL in the completion e-mail):
 * every Reset URL the service e-mails must work. The real reference service over HTTP; its disk
 * fails once, right after the first completion e-mail was written (the test hook that wraps
 * the state file's durable write: a failing disk cannot be caused on purpose here). The service
 * retries the apply and e-mails again; the admin may well open the first e-mail.
 */

let service: RunningService | null = null;
let root: string | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
  if (root) await rm(root, { recursive: true, force: true });
  root = null;
});

async function mails(outbox: string): Promise<string[]> {
  const names = (await readdir(outbox)).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map((n) => readFile(join(outbox, n), 'utf8')));
}

describe('a Reset URL e-mailed before a failed write', () => {
  it('still works once the revision is applied', async () => {
    root = await mkdtemp(join(tmpdir(), 'allowlist-reset-mail-'));
    const outbox = join(root, 'outbox');
    let failNextAfterMail = true;
    service = await startService({
      admins: [{ login: 'admin', password: 'pw' }],
      applyDelayMs: 50,
      data: join(root, 'data'),
      outbox,
      stateWriter: async (path, content) => {
        // The first write after the first e-mail went out fails (disk full for a moment).
        if (failNextAfterMail && (await mails(outbox).catch(() => [])).length === 1) {
          failNextAfterMail = false;
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        }
        await writeFileAtomic(path, content);
      },
    });
    const admin = createHttpService({
      baseUrl: service.url,
      login: 'admin',
      getPassword: async () => 'pw',
      retries: 0,
    });
    const live = await admin.get();
    if (!live.ok) throw new Error(live.error.message);
    // A list that shuts this caller out (the admin typed the phrase in the app).
    const put = await admin.put(
      { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '198.51.100.0', cidr: 24, memo: 'Osaka' }] },
      live.value.revision,
    );
    expect(put.ok).toBe(true);
    // Applied once the retry got through: the admin is locked out.
    for (let i = 0; i < 100; i++) {
      const now = await admin.get();
      if (!now.ok && now.error.kind === 'IP_RESTRICTED') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const sent = await mails(outbox);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    // Every e-mailed Reset URL works (the first one here; it is used once).
    const first = /Reset URL: (\S+)/.exec(sent[0]!)![1]!;
    const answer = await fetch(first);
    expect(answer.status).toBe(200);
    const after = await admin.get();
    expect(after.ok && after.value.mode).toBe('ALLOW_ALL');
  });
});
