import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../../renderer/i18n/format.ts';

describe('one date-time format per language, always with the date', () => {
  // Local time, as the UI shows it: 1 December 2026, 21:07 and 00:05 (just after midnight).
  const evening = new Date(2026, 11, 1, 21, 7, 55);
  const midnight = new Date(2026, 11, 2, 0, 5);

  it('Japanese: YYYY/MM/DD HH:MM (24-hour, no seconds)', () => {
    expect(formatDateTime(evening, 'ja')).toBe('2026/12/01\u00a021:07');
    expect(formatDateTime(midnight, 'ja')).toBe('2026/12/02\u00a000:05');
  });

  it('English: the medium date and the short time', () => {
    expect(formatDateTime(evening, 'en')).toMatch(/^Dec\s1,\s2026,\s9:07\s?PM$/);
    expect(formatDateTime(midnight, 'en')).toMatch(/^Dec\s2,\s2026,\s12:05\s?AM$/);
  });

  it('a date and its time never wrap apart (no ordinary space)', () => {
    for (const lang of ['ja', 'en']) expect(formatDateTime(evening, lang)).not.toContain(' ');
  });

  it('accepts the ISO strings the IPC sends', () => {
    expect(formatDateTime(evening.toISOString(), 'ja')).toBe(formatDateTime(evening, 'ja'));
  });
});
