import { describe, expect, it } from 'vitest';
import { MESSAGES, formatProblem, fillTemplate } from '../../../../shared/i18n/messages.ts';
import { makeProblem } from '../../../../shared/allowlist/problem.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('every code has an English and a Japanese sentence with the same placeholders', () => {
    for (const [code, t] of Object.entries(MESSAGES)) {
      expect(code).toMatch(/^[A-Z0-9_]+$/);
      expect(t.en.length, code).toBeGreaterThan(5);
      expect(t.ja.length, code).toBeGreaterThan(5);
      expect(t.ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(placeholders(t.ja), code).toEqual(placeholders(t.en));
    }
  });

  it('formats a problem in both locales', () => {
    const p = makeProblem('NON_GLOBAL_ADDRESS', 'warning', {
      network: '10.0.0.0/8',
      reason: 'private',
      block: '10.0.0.0/8',
    });
    expect(formatProblem(p, 'en')).toBe(
      '10.0.0.0/8 is a private (RFC 1918) address (10.0.0.0/8); it is not reachable from the internet, so it may never match.',
    );
    expect(formatProblem(p, 'ja')).toContain('プライベート');
    expect(p.message).toBe(formatProblem(p, 'en'));
  });

  it('falls back to the message for unknown codes and leaves missing params visible', () => {
    expect(
      formatProblem({ code: 'SOMETHING_ELSE', severity: 'error', message: 'as sent' }, 'ja'),
    ).toBe('as sent');
    expect(fillTemplate('a {x} b', {})).toBe('a {x} b');
  });
});
