import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_BYTES, bodyLimitFor } from '../../../service/body-limit.ts';

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
