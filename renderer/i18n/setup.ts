import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { ERROR_MESSAGES } from '../../shared/i18n/error-messages.ts';
import { importEn, importJa } from '../features/import/strings.ts';
import { aggregateEn } from '../features/aggregate/i18n-en.ts';
import { aggregateJa } from '../features/aggregate/i18n-ja.ts';
import { historyEn } from '../features/history/i18n-en.ts';
import { historyJa } from '../features/history/i18n-ja.ts';
import { handoffEn } from '../features/handoff/i18n-en.ts';
import { handoffJa } from '../features/handoff/i18n-ja.ts';

/** Languages the UI is written in. */
export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'allowlist.locale';

/**
 * The language to start in.
 *
 * The admin's explicit choice wins; otherwise the OS language (navigator.languages, which Chromium
 * and Electron take from the OS): Japanese when it comes first among the supported ones.
 */
export function initialLocale(): Locale {
  const saved = safeStorageGet(STORAGE_KEY);
  if (saved === 'en' || saved === 'ja') return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/**
 * Switch the UI language and remember the choice.
 */
export async function changeLocale(locale: Locale): Promise<void> {
  safeStorageSet(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

/**
 * Initialise i18next with the English and Japanese resources.
 */
export async function setupI18n(): Promise<void> {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: {
        translation: {
          ...en,
          ...historyEn,
          ...aggregateEn,
          ...importEn,
          ...handoffEn,
          errors: errorStrings('en'),
        },
      },
      ja: {
        translation: {
          ...ja,
          ...historyJa,
          ...aggregateJa,
          ...importJa,
          ...handoffJa,
          errors: errorStrings('ja'),
        },
      },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/**
 * The error sentences of shared/i18n/error-messages.ts as i18next strings (`errors.<text id>`):
 * they live there once, for main's messages and the UI alike.
 */
function errorStrings(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ERROR_MESSAGES).map(([id, text]) => [
      id,
      text[locale].replace(/\{(\w+)\}/g, '{{$1}}'),
    ]),
  );
}

/** The current UI locale as one of ours. */
export function currentLocale(): Locale {
  return i18next.language === 'ja' ? 'ja' : 'en';
}

function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeStorageSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage unavailable (e.g. opaque origin): the choice lasts for this session only.
  }
}
