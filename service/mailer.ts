import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../node-shared/atomic-file.ts';

/** What the completion e-mail says. */
export type CompletionMail = {
  to: string;
  revision: string;
  mode: string;
  entryCount: number;
  appliedAt: Date;
  resetUrl: string;
  resetExpiresAt: Date;
};

const FROM = 'IP Allowlist Service <no-reply@allowlist-service.invalid>';

/** RFC 5322 section 3.3 date-time, e.g. "Tue, 24 Nov 2026 09:00:00 +0000". */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * Render the completion e-mail as an RFC 5322 message (CRLF line ends, ASCII only, lines well
 * under 998 characters) that any mail reader opens.
 */
export function renderCompletionMail(mail: CompletionMail, messageId: string): string {
  const body = [
    `The IP address restriction revision ${mail.revision} is now in force.`,
    '',
    `Mode: ${mail.mode}`,
    `Entries: ${mail.entryCount}`,
    `Applied at: ${mail.appliedAt.toISOString()}`,
    '',
    'If this change locked you out, open the Reset URL below. It allows access from all',
    'addresses again (the entries are kept). It works once and expires at',
    `${mail.resetExpiresAt.toISOString()}.`,
    '',
    `Reset URL: ${mail.resetUrl}`,
    '',
  ];
  const headers = [
    `From: ${FROM}`,
    `To: ${mail.to}`,
    `Subject: IP address restriction applied (revision ${mail.revision})`,
    `Date: ${rfc5322Date(mail.appliedAt)}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    'Content-Transfer-Encoding: 7bit',
  ];
  return [...headers, '', ...body].join('\r\n');
}

/**
 * Write the completion e-mail to the outbox folder as `<time>-r<revision>.eml`, atomically (a
 * reader never sees half a message). Returns the file's path.
 */
export async function sendCompletionMail(outbox: string, mail: CompletionMail): Promise<string> {
  await mkdir(outbox, { recursive: true });
  const id = `${mail.appliedAt.getTime()}.${randomBytes(6).toString('hex')}@allowlist-service.invalid`;
  const stamp = mail.appliedAt.toISOString().replace(/[:.]/g, '-');
  const path = join(outbox, `${stamp}-r${mail.revision}.eml`);
  await writeFileAtomic(path, renderCompletionMail(mail, id));
  return path;
}
