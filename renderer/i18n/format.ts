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

/** Format a time in the UI language (see dateTimeFormat). */
export function formatDateTime(value: Date | number | string, language: string): string {
  return dateTimeFormat(language).format(typeof value === 'string' ? new Date(value) : value);
}

/** The current UI language's date-time formatter (re-made when the language changes). */
export function useDateTimeFormat(): (value: Date | number | string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const fmt = dateTimeFormat(i18n.language);
    return (value) => fmt.format(typeof value === 'string' ? new Date(value) : value);
  }, [i18n.language]);
}
