import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one date-time format of each UI language, always with the date (a bare "9:10" deadline is
 * ambiguous around midnight): `2026/12/01 21:07` in Japanese, `Dec 1, 2026, 9:07 PM` in English.
 */
export function dateTimeFormat(language: string): Intl.DateTimeFormat {
  return language === 'ja'
    ? new Intl.DateTimeFormat('ja-JP', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
    : new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Format a time in the UI language (see dateTimeFormat). The spaces are no-break spaces: a date
 * and its time never end up on two lines.
 */
export function formatDateTime(value: Date | number | string, language: string): string {
  return noBreak(dateTimeFormat(language), value);
}

/** The current UI language's date-time formatter (re-made when the language changes). */
export function useDateTimeFormat(): (value: Date | number | string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const fmt = dateTimeFormat(i18n.language);
    return (value) => noBreak(fmt, value);
  }, [i18n.language]);
}

function noBreak(fmt: Intl.DateTimeFormat, value: Date | number | string): string {
  return fmt.format(typeof value === 'string' ? new Date(value) : value).replace(/ /g, '\u00a0');
}
