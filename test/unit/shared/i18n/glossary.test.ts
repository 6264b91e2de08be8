import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, RETIRED_TERM_EXCEPTIONS } from '../../../../shared/i18n/glossary.ts';
import { ERROR_MESSAGES } from '../../../../shared/i18n/error-messages.ts';
import { MESSAGES, REASON_LABELS, ROW_MESSAGES } from '../../../../shared/i18n/messages.ts';
import { en } from '../../../../renderer/i18n/en.ts';
import { ja } from '../../../../renderer/i18n/ja.ts';
import { importEn, importJa } from '../../../../renderer/features/import/strings.ts';
import { aggregateEn } from '../../../../renderer/features/aggregate/i18n-en.ts';
import { aggregateJa } from '../../../../renderer/features/aggregate/i18n-ja.ts';
import { historyEn } from '../../../../renderer/features/history/i18n-en.ts';
import { historyJa } from '../../../../renderer/features/history/i18n-ja.ts';
import { handoffEn } from '../../../../renderer/features/handoff/i18n-en.ts';
import { handoffJa } from '../../../../renderer/features/handoff/i18n-ja.ts';

type Tree = { [key: string]: string | Tree };

/** Every string of a resource tree by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The UI resources as setup.ts merges them, plus the problem sentences, per language. */
function resources(): { en: Map<string, string>; ja: Map<string, string> } {
  const ui = (lang: 'en' | 'ja') =>
    flatten(
      (lang === 'en'
        ? { ...en, ...historyEn, ...aggregateEn, ...importEn, ...handoffEn }
        : { ...ja, ...historyJa, ...aggregateJa, ...importJa, ...handoffJa }) as unknown as Tree,
    );
  const out = { en: ui('en'), ja: ui('ja') };
  for (const [code, t] of Object.entries(MESSAGES)) {
    out.en.set(`messages.${code}`, t.en);
    out.ja.set(`messages.${code}`, t.ja);
  }
  for (const [id, t] of Object.entries(ERROR_MESSAGES)) {
    out.en.set(`errors.${id}`, t.en);
    out.ja.set(`errors.${id}`, t.ja);
  }
  for (const [code, t] of Object.entries(ROW_MESSAGES)) {
    out.en.set(`rowMessages.${code}`, t.en);
    out.ja.set(`rowMessages.${code}`, t.ja);
  }
  for (const [reason, t] of Object.entries(REASON_LABELS)) {
    out.en.set(`reasons.${reason}`, t.en);
    out.ja.set(`reasons.${reason}`, t.ja);
  }
  return out;
}

/** Placeholders ({{x}} for i18next, {x} for messages.ts) and <tag> markers of a string. */
const slots = (s: string) =>
  [...s.matchAll(/\{\{\s*(\w+)\s*\}\}|\{(\w+)\}|<\/?(\w+)>/g)]
    .map((m) => m[1] ?? m[2] ?? `<${m[3]}>`)
    .sort();

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the two languages have the same strings', () => {
  const { en: english, ja: japanese } = resources();

  it('every key exists in both languages', () => {
    const onlyEn = [...english.keys()].filter((k) => !japanese.has(k));
    const onlyJa = [...japanese.keys()].filter((k) => !english.has(k));
    expect({ onlyEn, onlyJa }).toEqual({ onlyEn: [], onlyJa: [] });
  });

  it('each pair has the same placeholders and markup', () => {
    const differ = [...english]
      .filter(
        ([k, v]) => japanese.has(k) && slots(v).join() !== slots(japanese.get(k) ?? '').join(),
      )
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('every Japanese string that has words is written in Japanese', () => {
    // Labels that are the same in both languages ("CIDR", "No.", "CSV（UTF-8）…") have no lowercase word.
    const notJapanese = [...japanese]
      .filter(([, v]) => /[a-z]{4,}/.test(v.replace(/\{\{?\w+\}?\}/g, '')) && !JAPANESE.test(v))
      .map(([k]) => k);
    expect(notJapanese).toEqual([]);
  });
});

describe('no string brings back a term the glossary retired', () => {
  const { en: english, ja: japanese } = resources();
  const allowed = (key: string, term: string) =>
    (RETIRED_TERM_EXCEPTIONS[key] ?? []).includes(term);

  it('Japanese', () => {
    const found: string[] = [];
    for (const [key, text] of japanese)
      for (const term of GLOSSARY)
        for (const retired of term.retiredJa)
          if (text.includes(retired) && !allowed(key, retired))
            found.push(`${key}: 「${retired}」 (use 「${term.ja}」)`);
    expect(found).toEqual([]);
  });

  it('English', () => {
    const found: string[] = [];
    for (const [key, text] of english)
      for (const term of GLOSSARY)
        for (const retired of term.retiredEn)
          if (text.toLowerCase().includes(retired.toLowerCase()) && !allowed(key, retired))
            found.push(`${key}: "${retired}" (use "${term.en}")`);
    expect(found).toEqual([]);
  });

  it('a retired term is caught (the check is not vacuous)', () => {
    const retired = GLOSSARY.flatMap((t) => t.retiredJa);
    expect(retired).toContain('ロックアウト');
    expect('サービスからロックアウトされています'.includes('ロックアウト')).toBe(true);
    // Every exception names a term that is retired somewhere, so none is dead.
    const all = new Set(GLOSSARY.flatMap((t) => [...t.retiredJa, ...t.retiredEn]));
    for (const terms of Object.values(RETIRED_TERM_EXCEPTIONS))
      for (const term of terms) expect(all.has(term), term).toBe(true);
  });
});

describe('docs/glossary.md is the glossary', () => {
  const doc = readFileSync(join(process.cwd(), 'docs/glossary.md'), 'utf8');
  const rows = doc.split('\n').filter((line) => line.startsWith('| '));

  it('has one row per concept naming both terms, the retired words and the sources', () => {
    const ids = new Set<string>();
    for (const term of GLOSSARY) {
      expect(ids.has(term.id), term.id).toBe(false);
      ids.add(term.id);
      const row = rows.find((r) => new RegExp(`^\\| ${term.id} +\\|`).test(r));
      expect(row, term.id).toBeDefined();
      for (const word of [term.ja, term.en, ...term.retiredJa, ...term.retiredEn])
        expect(row, `${term.id}: ${word}`).toContain(word);
      for (const source of term.sources) expect(doc, term.id).toContain(source.url);
    }
    const documented = rows
      .map((r) => /^\| ([a-z][a-z0-9-]*) +\|/.exec(r)?.[1])
      .filter((id): id is string => id !== undefined && id !== 'id');
    expect(documented.sort()).toEqual([...ids].sort());
  });
});
