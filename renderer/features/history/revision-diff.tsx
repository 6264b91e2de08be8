import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffConfigs } from '../../../shared/allowlist/diff.ts';
import type { Config, Entry } from '../../../shared/allowlist/model.ts';
import { Button } from '../../components/ui/button.tsx';

function entryText(e: Entry): string {
  return e.cidr === null ? e.ip : `${e.ip}/${e.cidr}`;
}

/**
 * What restoring a revision would change in the working copy: mode, added, removed, memo
 * changed, and entries written differently (same network), keyed by network (diffConfigs).
 */
export function RevisionDiff({
  revision,
  config,
  working,
  onClose,
}: {
  revision: string;
  config: Config;
  working: Config;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const diff = useMemo(() => diffConfigs(working, config), [working, config]);
  const modeLabel = (m: string) =>
    m === 'ALLOW_ALL' ? t('mode.allowAll') : t('mode.allowSpecific');
  const same =
    !diff.modeChanged &&
    diff.added.length + diff.removed.length + diff.memoChanged.length + diff.rewritten.length === 0;
  return (
    <section
      className="revision-diff"
      aria-labelledby="revision-diff-heading"
      data-testid="revision-diff"
    >
      <div className="revision-diff-head">
        <h3 id="revision-diff-heading">{t('history.diffHeading', { revision })}</h3>
        <Button size="small" variant="quiet" onPress={onClose}>
          {t('history.closeDiff')}
        </Button>
      </div>
      {same ? (
        <p className="callout callout-ok">{t('history.diffSame')}</p>
      ) : (
        <>
          <p>{t('history.diffIntro')}</p>
          {diff.modeChanged && (
            <p className="callout callout-warning">
              {t('history.diffMode', {
                from: modeLabel(diff.modeChanged.from),
                to: modeLabel(diff.modeChanged.to),
              })}
            </p>
          )}
          <div className="plan-columns">
            {diff.added.length > 0 && (
              <DiffList
                className="plan-added"
                title={t('history.diffAdded', { count: diff.added.length })}
                sign="+"
                lines={diff.added.map((e) => `${entryText(e)} ${e.memo}`)}
              />
            )}
            {diff.removed.length > 0 && (
              <DiffList
                className="plan-removed"
                title={t('history.diffRemoved', { count: diff.removed.length })}
                sign="−"
                lines={diff.removed.map((e) => `${entryText(e)} ${e.memo}`)}
              />
            )}
            {diff.memoChanged.length > 0 && (
              <DiffList
                title={t('history.diffMemo', { count: diff.memoChanged.length })}
                sign="~"
                lines={diff.memoChanged.map(
                  (c) => `${entryText(c.after)}: “${c.before.memo}” → “${c.after.memo}”`,
                )}
              />
            )}
            {diff.rewritten.length > 0 && (
              <DiffList
                title={t('history.diffRewritten', { count: diff.rewritten.length })}
                sign="~"
                lines={diff.rewritten.map(
                  (c) => `${entryText(c.before)} → ${entryText(c.after)} ${c.after.memo}`,
                )}
              />
            )}
          </div>
        </>
      )}
      <p className="muted">{t('history.diffUnchanged', { count: diff.unchanged })}</p>
    </section>
  );
}

function DiffList({
  title,
  sign,
  lines,
  className,
}: {
  title: string;
  sign: string;
  lines: string[];
  className?: string;
}) {
  return (
    <div className={`plan-section scroll-panel${className ? ` ${className}` : ''}`}>
      <h4 className="revision-diff-title">{title}</h4>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>
            <span className="diff-sign" aria-hidden="true">
              {sign}
            </span>{' '}
            <span className="mono">{line.trimEnd()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
