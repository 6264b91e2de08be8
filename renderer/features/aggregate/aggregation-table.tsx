import { memo } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AggregationStep } from '../../../shared/allowlist/aggregate.ts';
import type { Entry } from '../../../shared/allowlist/model.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { entryText } from './apply-aggregation.ts';

/**
 * Extra addresses above which a widening merge gets a warning line, not only highlighting:
 * more than a /16 holds (65,536).
 */
export const WIDE_EXTRA_ADDRESSES = 65_536;

/**
 * One group of planned merges (exact, or widening) as a table with a checkbox per merge.
 */
export function AggregationTable({
  title,
  none,
  indexes,
  entries,
  merges,
  accepted,
  onToggle,
  testId,
}: {
  entries: Entry[];
  title: string;
  none: string;
  indexes: number[];
  merges: AggregationStep[];
  accepted: Set<number>;
  onToggle: (m: number, on: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const headingId = `${testId}-heading`;
  return (
    <div className="merge-group" data-testid={testId}>
      <h3 id={headingId} className="merge-heading">
        {title}
      </h3>
      {indexes.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <table className="data-table merge-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('aggregate.colAccept')}</th>
              <th scope="col">{t('aggregate.colInto')}</th>
              <th scope="col">{t('aggregate.colReplaces')}</th>
              <th scope="col" className="num">
                {t('aggregate.colExtra')}
              </th>
            </tr>
          </thead>
          <tbody>
            {indexes.map((m) => (
              <MergeRow
                key={m}
                index={m}
                merge={merges[m]!}
                entries={entries}
                isAccepted={accepted.has(m)}
                onToggle={onToggle}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One merge: accept checkbox, the new entry, the entries it replaces, the extra addresses. */
const MergeRow = memo(function MergeRow({
  index,
  merge,
  entries,
  isAccepted,
  onToggle,
}: {
  index: number;
  merge: AggregationStep;
  entries: Entry[];
  isAccepted: boolean;
  onToggle: (m: number, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const network = entryText(merge.into);
  return (
    <tr className={isAccepted ? 'merge-accepted' : undefined}>
      <td>
        <Checkbox
          className="checkbox"
          isSelected={isAccepted}
          onChange={(on) => onToggle(index, on)}
          aria-label={t('aggregate.acceptLabel', { network })}
        >
          <span className="checkbox-box" aria-hidden="true">
            <svg viewBox="0 0 16 16" className="checkbox-mark">
              <polyline points="3.5 8.5 6.5 11.5 12.5 4.5" />
            </svg>
          </span>
        </Checkbox>
      </td>
      <td>
        <span className="mono">{network}</span>
        {merge.into.memo && <span className="muted merge-memo"> {merge.into.memo}</span>}
        {merge.extraAddresses > WIDE_EXTRA_ADDRESSES && (
          <p className="merge-wide" data-testid="wide-merge">
            {t('aggregate.wideRow', { limit: WIDE_EXTRA_ADDRESSES.toLocaleString(locale) })}
          </p>
        )}
      </td>
      <td>
        <ul className="merge-sources">
          {merge.replacedIndexes.map((i) => {
            const e = entries[i];
            return (
              e && (
                <li key={i}>
                  <span className="mono">{entryText(e)}</span>{' '}
                  <span className="muted">{t('aggregate.entryNumber', { n: i + 1 })}</span>
                  {e.memo && <span className="muted"> · {e.memo}</span>}
                </li>
              )
            );
          })}
        </ul>
      </td>
      <td className={merge.extraAddresses > 0 ? 'num merge-extra' : 'num'}>
        {merge.extraAddresses === 0
          ? t('aggregate.extraNone')
          : merge.extraAddresses.toLocaleString(locale)}
      </td>
    </tr>
  );
});
