import { useCallback, useMemo, useState } from 'react';
import { Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { planToFit } from '../../../shared/allowlist/aggregate.ts';
import type { Entry } from '../../../shared/allowlist/model.ts';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { badCidrRows } from '../editor/draft-state.ts';
import type { Editor } from '../editor/use-editor.ts';
import { applyAggregation, countAfter, extraAfter } from './apply-aggregation.ts';
import type { EntryLimitSource } from '../../../shared/allowlist/model.ts';
import { AggregationTable, WIDE_EXTRA_ADDRESSES } from './aggregation-table.tsx';
import './aggregate.css';
import { Screen } from '../../components/ui/screen.tsx';

/**
 * The aggregation planner: exact merges and the cap-aware plan for the working copy, with the
 * exact number of extra addresses each merge admits; accepted merges become one undoable edit.
 */
export function AggregatePanel({
  editor,
  maxEntries,
  source,
}: {
  editor: Editor;
  maxEntries: number;
  source: EntryLimitSource;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(maxEntries);
  const [applied, setApplied] = useState<{ before: number; after: number } | null>(null);
  const bad = badCidrRows(editor.state.rows);
  const entries = editor.config.entries;
  const validTarget = Number.isFinite(target) && target >= 1 ? Math.floor(target) : maxEntries;

  return (
    <Screen name="aggregate" heading={t('aggregate.heading')} intro={t('aggregate.intro')}>
      <NumberField
        className="field aggregate-target"
        value={target}
        onChange={setTarget}
        minValue={1}
        maxValue={1_000_000}
        formatOptions={{ maximumFractionDigits: 0 }}
      >
        <Label className="field-label">{t('aggregate.target')}</Label>
        <Input className="input" />
        <Text slot="description" className="field-hint">
          {t(`aggregate.targetHint.${source}`, { max: maxEntries.toLocaleString(currentLocale()) })}
        </Text>
      </NumberField>
      <div role="status" aria-live="polite" className="live-notes">
        {applied && (
          <p className="callout callout-ok" data-testid="aggregate-applied">
            {t('aggregate.applied', {
              before: applied.before.toLocaleString(currentLocale()),
              after: applied.after.toLocaleString(currentLocale()),
            })}
          </p>
        )}
      </div>
      {bad.length > 0 ? (
        <p className="callout callout-error">{t('aggregate.blockedCidr', { n: bad[0]! + 1 })}</p>
      ) : (
        <MergePlan
          // A new plan (fresh default selection) whenever the list or the target changes.
          key={`${editor.state.version}:${validTarget}`}
          entries={entries}
          target={validTarget}
          onApply={(next) => {
            setApplied({ before: entries.length, after: next.length });
            editor.dispatch({
              type: 'replaceAll',
              config: { mode: editor.config.mode, entries: next },
            });
          }}
        />
      )}
    </Screen>
  );
}

function MergePlan({
  entries,
  target,
  onApply,
}: {
  entries: Entry[];
  target: number;
  onApply: (next: Entry[]) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const plan = useMemo(() => planToFit(entries, target), [entries, target]);
  const exact = plan.merges.flatMap((m, i) => (m.extraAddresses === 0 ? [i] : []));
  const widen = plan.merges.flatMap((m, i) => (m.extraAddresses > 0 ? [i] : []));
  const wide = widen.filter((i) => plan.merges[i]!.extraAddresses > WIDE_EXTRA_ADDRESSES).length;
  const [accepted, setAccepted] = useState<Set<number>>(() => new Set(exact));
  const num = (n: number) => n.toLocaleString(locale);
  const toggle = useCallback(
    (m: number, on: boolean) =>
      setAccepted((prev) => {
        const next = new Set(prev);
        if (on) next.add(m);
        else next.delete(m);
        return next;
      }),
    [],
  );

  if (plan.merges.length === 0 && entries.length <= target) {
    return <p className="callout callout-ok">{t('aggregate.nothing')}</p>;
  }
  const after = countAfter(entries.length, plan.merges, accepted);
  const extra = extraAfter(plan.merges, accepted);

  return (
    <div className="aggregate-plan" data-testid="aggregate-plan">
      {plan.invalidIndexes.length > 0 && (
        <p className="callout callout-warning">
          {t('aggregate.invalidKept', { count: plan.invalidIndexes.length })}
        </p>
      )}
      {wide > 0 && (
        <p className="callout callout-warning" data-testid="wide-merge-warning">
          {t('aggregate.wideWarning', { count: wide, limit: num(WIDE_EXTRA_ADDRESSES) })}
        </p>
      )}
      {!plan.fits && (
        <p className="callout callout-error">
          {t('aggregate.cannotFit', { entries: num(plan.entries.length), target: num(target) })}
        </p>
      )}
      <div className="toolbar" role="toolbar" aria-label={t('aggregate.heading')}>
        <Button onPress={() => setAccepted(new Set(plan.merges.map((_m, i) => i)))}>
          {t('aggregate.selectAll')}
        </Button>
        <Button onPress={() => setAccepted(new Set(exact))}>{t('aggregate.selectExact')}</Button>
        <Button onPress={() => setAccepted(new Set())}>{t('aggregate.selectNone')}</Button>
      </div>
      <div className="aggregate-summary-bar">
        <p
          className={`callout ${after <= target ? 'callout-ok' : 'callout-warning'}`}
          role="status"
          aria-live="polite"
          data-testid="aggregate-summary"
        >
          {t('aggregate.summary', {
            accepted: num(accepted.size),
            total: num(plan.merges.length),
            entries: num(after),
            target: num(target),
            extra: num(extra),
          })}
          {locale === 'ja' ? '' : ' '}
          {after <= target ? t('aggregate.fits') : t('aggregate.over', { count: after - target })}
        </p>
        <Button
          variant="primary"
          isDisabled={accepted.size === 0}
          onPress={() => onApply(applyAggregation(entries, plan.merges, accepted))}
        >
          {t('aggregate.apply', { count: accepted.size })}
        </Button>
      </div>
      <AggregationTable
        title={t('aggregate.exactHeading', { count: exact.length })}
        none={t('aggregate.exactNone')}
        indexes={exact}
        entries={entries}
        merges={plan.merges}
        accepted={accepted}
        onToggle={toggle}
        testId="exact-merges"
      />
      <AggregationTable
        title={t('aggregate.widenHeading', { count: widen.length })}
        none={t('aggregate.widenNone')}
        indexes={widen}
        entries={entries}
        merges={plan.merges}
        accepted={accepted}
        onToggle={toggle}
        testId="widening-merges"
      />
    </div>
  );
}
