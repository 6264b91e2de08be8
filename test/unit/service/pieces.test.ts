import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from '../../../service/login-throttle.ts';
import { ifMatchAllows, parseIfMatch } from '../../../service/if-match.ts';
import { MAX_ENTRY_BYTES, bodyLimitFor } from '../../../service/body-limit.ts';
import { renderCompletionMail, rfc5322Date } from '../../../service/mailer.ts';
import { writeFileAtomic } from '../../../node-shared/atomic-file.ts';

describe('LoginThrottle', () => {
  it('lets five failures through, then asks to wait until the oldest leaves the minute', () => {
    const t = new LoginThrottle();
    const start = 1_000_000;
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(t.retryAfterSeconds('127.0.0.7', start + i * 1000)).toBeNull();
      t.recordFailure('127.0.0.7', start + i * 1000);
    }
    expect(t.retryAfterSeconds('127.0.0.7', start + 5000)).toBe(55);
    expect(t.retryAfterSeconds('127.0.0.8', start + 5000)).toBeNull();
    expect(t.retryAfterSeconds('127.0.0.7', start + WINDOW_MS - 1)).toBe(1);
    expect(t.retryAfterSeconds('127.0.0.7', start + WINDOW_MS)).toBeNull();
  });
});

describe('If-Match (RFC 9110 §13.1.1, strong comparison)', () => {
  it.each([
    ['"7"', true],
    [' "7" ', true],
    ['"6", "7"', true],
    ['"6",,"7"', true],
    ['*', true],
    ['W/"7"', false],
    ['W/"7", "8"', false],
    ['"8"', false],
  ])('%s on revision 7 -> %s', (header, allowed) =>
    expect(ifMatchAllows(parseIfMatch(header)!, '7')).toBe(allowed),
  );
  it.each(['7', '"7', 'W/7', '"7" "8"', ',', 'w/"7"', '"a"b"'])(
    '%s is not an If-Match value',
    (header) => expect(parseIfMatch(header)).toBeNull(),
  );
});

describe('body limit', () => {
  /** A JSON string with every UTF-16 code unit written as \\uXXXX. */
  const esc = (text: string) =>
    `"${Array.from({ length: text.length }, (_, i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`;

  it('is the longest valid entry, every string \\u-escaped, times the entry limit', () => {
    const worst = { ip: '255.255.255.255', cidr: null, memo: '😀'.repeat(1000) };
    const text = `{${esc('ip')}:${esc(worst.ip)},${esc('cidr')}:null,${esc('memo')}:${esc(worst.memo)}}`;
    expect(JSON.parse(text)).toEqual(worst);
    // Plus a separating comma, with room left for a pretty-printer's whitespace.
    expect(Buffer.byteLength(text) + 1 + 200).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    expect(bodyLimitFor(1000)).toBe(12_493_536);
  });
});

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

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    try {
      const path = join(dir, 'state.json');
      await writeFileAtomic(path, 'one');
      await writeFileAtomic(path, 'two');
      expect(await readFile(path, 'utf8')).toBe('two');
      expect(await readdir(dir)).toEqual(['state.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
