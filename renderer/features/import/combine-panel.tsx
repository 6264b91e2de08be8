import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ConfigDiff } from '../../../shared/allowlist/diff.ts';
import type { Entry } from '../../../shared/allowlist/model.ts';
import type { CombineMode } from './combine.ts';

/** Entries listed per section of the diff; the rest is counted. */
const LIST_LIMIT = 60;

function network(e: Entry): string {
  return e.cidr === null ? e.ip : `${e.ip}/${e.cidr}`;
}

function Section<T>({
  kind,
  title,
  source,
  describe,
}: {
  kind: 'added' | 'removed' | 'changed';
  title: string;
  source: readonly T[];
  describe: (item: T) => { text: string; memo: string };
}) {
  const { t } = useTranslation();
  if (source.length === 0) return null;
  // Only the listed ones are described (a 50,000-entry import lists 60).
  const items = source.slice(0, LIST_LIMIT).map((item, i) => ({ key: i, ...describe(item) }));
  const sign = kind === 'added' ? '+' : kind === 'removed' ? '−' : '~';
  return (
    <section className={`diff-section diff-${kind}`} aria-label={title}>
      <h4>{title}</h4>
      {/* Focusable: long lists scroll, and keyboard users must reach them. */}
      <ul tabIndex={0}>
        {items.map((item) => (
          <li key={item.key}>
            <span className="diff-sign" aria-hidden="true">
              {sign}
            </span>
            <span className="mono">{item.text}</span> <span className="muted">{item.memo}</span>
          </li>
        ))}
        {source.length > LIST_LIMIT && (
          <li className="muted">{t('importer.more', { count: source.length - LIST_LIMIT })}</li>
        )}
      </ul>
    </section>
  );
}

/**
 * Merge into the list or replace it.
 */
export function CombineChoice({
  mode,
  onModeChange,
}: {
  mode: CombineMode;
  onModeChange: (mode: CombineMode) => void;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="radio-group combine-choice"
      value={mode}
      onChange={(v) => onModeChange(v === 'replace' ? 'replace' : 'merge')}
    >
      <Label className="panel-title">{t('importer.howHeading')}</Label>
      <Radio value="merge" className="radio radio-card">
        <span className="radio-card-text">
          <strong>{t('importer.merge')}</strong>
          <Text slot="description" className="field-hint">
            {t('importer.mergeHint')}
          </Text>
        </span>
      </Radio>
      <Radio value="replace" className="radio radio-card">
        <span className="radio-card-text">
          <strong>{t('importer.replace')}</strong>
          <Text slot="description" className="field-hint">
            {t('importer.replaceHint')}
          </Text>
        </span>
      </Radio>
    </RadioGroup>
  );
}

/**
 * The result of the chosen way as a diff against the current working copy.
 */
export function CombineDiff({
  diff,
  total,
  maxEntries,
  overLimit,
  allowAll,
  locale,
}: {
  diff: ConfigDiff;
  total: number;
  maxEntries: number;
  /** The combined list breaks the entry limit (listProblems' TOO_MANY_ENTRIES). */
  overLimit: boolean;
  allowAll: boolean;
  locale: 'en' | 'ja';
}) {
  const { t } = useTranslation();
  const nothing =
    diff.added.length + diff.removed.length + diff.memoChanged.length + diff.rewritten.length === 0;
  return (
    <div className="diff" data-testid="import-diff" aria-live="polite">
      <div className="diff-head">
        <h3 className="panel-title">{t('importer.diffHeading')}</h3>
        <p className={`diff-total${overLimit ? ' text-denied' : ''}`}>
          {t('importer.unchanged', { count: diff.unchanged })}{' '}
          {t('importer.resultCount', {
            n: total.toLocaleString(locale),
            max: maxEntries.toLocaleString(locale),
          })}
        </p>
      </div>
      {overLimit && (
        <p className="callout callout-error">
          {t('importer.overLimit', { max: maxEntries.toLocaleString(locale) })}
        </p>
      )}
      {allowAll && <p className="callout callout-info">{t('importer.allowAllNote')}</p>}
      {nothing ? (
        <p className="muted">{t('importer.nothingChanges')}</p>
      ) : (
        <div className="diff-sections">
          <Section
            kind="added"
            title={t('importer.added', { count: diff.added.length })}
            source={diff.added}
            describe={(e) => ({ text: network(e), memo: e.memo })}
          />
          <Section
            kind="removed"
            title={t('importer.removed', { count: diff.removed.length })}
            source={diff.removed}
            describe={(e) => ({ text: network(e), memo: e.memo })}
          />
          <Section
            kind="changed"
            title={t('importer.memoChanged', { count: diff.memoChanged.length })}
            source={diff.memoChanged}
            describe={(c) => ({
              text: network(c.after),
              memo: `${c.before.memo} → ${c.after.memo}`,
            })}
          />
          <Section
            kind="changed"
            title={t('importer.rewritten', { count: diff.rewritten.length })}
            source={diff.rewritten}
            describe={(c) => ({
              text: `${network(c.before)} → ${network(c.after)}`,
              memo: c.after.memo,
            })}
          />
        </div>
      )}
    </div>
  );
}
