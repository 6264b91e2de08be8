import { describe, expect, it } from 'vitest';
import { renderCompletionMail, rfc5322Date } from '../../../service/mailer.ts';

describe('completion e-mail', () => {
  const mail = renderCompletionMail(
    {
      to: 'admin@allowlist-service.invalid',
      revision: '8',
      mode: 'ALLOW_SPECIFIC',
      entryCount: 2,
      appliedAt: new Date('2026-11-24T09:00:00Z'),
      resetUrl: 'http://127.0.0.1:8080/v1/ip-restrictions/reset?token=abc',
      resetExpiresAt: new Date('2026-11-24T10:00:00Z'),
    },
    'id1@allowlist-service.invalid',
  );

  it('is an RFC 5322 message: CRLF lines, required headers, blank line, ASCII body with the Reset URL', () => {
    const split = mail.indexOf('\r\n\r\n');
    const head = mail.slice(0, split);
    const body = mail.slice(split + 4);
    expect(head.split('\r\n').every((line) => /^[A-Za-z-]+: \S/.test(line))).toBe(true);
    expect(head).toContain('Date: Tue, 24 Nov 2026 09:00:00 +0000');
    expect(head).toMatch(/^From: .*<no-reply@allowlist-service\.invalid>$/m);
    expect(head).toContain('Message-ID: <id1@allowlist-service.invalid>');
    expect(body).toContain(
      'Reset URL: http://127.0.0.1:8080/v1/ip-restrictions/reset?token=abc\r\n',
    );
    expect(mail.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(mail).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(Math.max(...mail.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('formats dates as RFC 5322 date-time', () => {
    expect(rfc5322Date(new Date('2026-01-02T03:04:05Z'))).toBe('Fri, 02 Jan 2026 03:04:05 +0000');
  });
});
