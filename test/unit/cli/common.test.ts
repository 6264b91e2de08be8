import { describe, expect, it } from 'vitest';
import { jsonText } from '../../../cli/common.ts';

describe('jsonText (--json output)', () => {
  const value = { entries: [{ ip: '192.0.2.1', cidr: null, memo: '東京 "本社"' }], stats: {} };

  it('is indented on a terminal', () => {
    expect(jsonText(value, { isTTY: true })).toBe(JSON.stringify(value, null, 2));
  });

  it('is one line for a pipe or a file, the same value', () => {
    const text = jsonText(value, {});
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(value);
  });
});
