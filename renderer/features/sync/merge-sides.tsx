import { useTranslation } from 'react-i18next';
import type { Config, Entry, Mode } from '../../../shared/allowlist/model.ts';
import { diffConfigs } from '../../../shared/allowlist/diff.ts';

/** How many changed entries each column lists before "… and N more". */
const SHOWN = 8;

/** `ip/cidr` as the admin wrote it. */
export function entryText(e: Pick<Entry, 'ip' | 'cidr'>): string {
  return `${e.ip}${e.cidr === null ? '' : `/${e.cidr}`}`;
}

/** The mode's label in the UI language. */
export function useModeLabel(): (m: Mode) => string {
  const { t } = useTranslation();
  return (m) => (m === 'ALLOW_ALL' ? t('mode.allowAll') : t('mode.allowSpecific'));
}

type Line = { sign: '+' | '−' | '~'; text: string; memo: string };

function lines(base: Config, side: Config): { mode: Mode | null; items: Line[] } {
  const d = diffConfigs(base, side);
  return {
    mode: d.modeChanged?.to ?? null,
    items: [
      ...d.added.map((e): Line => ({ sign: '+', text: entryText(e), memo: e.memo })),
      ...d.removed.map((e): Line => ({ sign: '−', text: entryText(e), memo: e.memo })),
      ...[...d.memoChanged, ...d.rewritten].map(({ before, after }): Line => ({
        sign: '~',
        text: entryText(after),
        memo: before.memo === after.memo ? after.memo : `${before.memo} → ${after.memo}`,
      })),
    ],
  };
}

function SideColumn({
  id,
  title,
  base,
  side,
}: {
  id: string;
  title: string;
  base: Config;
  side: Config;
}) {
  const { t } = useTranslation();
  const modeLabel = useModeLabel();
  const { mode, items } = lines(base, side);
  return (
    <section className="merge-side scroll-panel" aria-labelledby={id} data-testid={id}>
      <h3 id={id}>{title}</h3>
      {mode === null && items.length === 0 ? (
        <p className="muted">{t('syncUi.merge.noChanges')}</p>
      ) : (
        <ul>
          {mode !== null && (
            <li className="merge-line merge-line-mode">
              {t('syncUi.merge.mode', { mode: modeLabel(mode) })}
            </li>
          )}
          {items.slice(0, SHOWN).map((line, i) => (
            <li
              key={i}
              className={`merge-line merge-line-${line.sign === '+' ? 'add' : line.sign === '~' ? 'change' : 'remove'}`}
            >
              <span className="diff-sign" aria-hidden="true">
                {line.sign}
              </span>{' '}
              <code>{line.text}</code> <span className="merge-memo">{line.memo}</span>
            </li>
          ))}
          {items.length > SHOWN && (
            <li className="muted">{t('syncUi.merge.more', { count: items.length - SHOWN })}</li>
          )}
        </ul>
      )}
    </section>
  );
}

/**
 * Three columns: the common start, what the admin changed, what the service's newer revision
 * changed (both diffed against the common start, keyed by network).
 */
export function MergeSides({
  base,
  baseRevision,
  mine,
  theirs,
  theirsRevision,
}: {
  base: Config;
  baseRevision: string;
  mine: Config;
  theirs: Config;
  theirsRevision: string;
}) {
  const { t } = useTranslation();
  const modeLabel = useModeLabel();
  return (
    <div className="merge-sides">
      <section className="merge-side merge-side-base scroll-panel" aria-labelledby="merge-base">
        <h3 id="merge-base">{t('syncUi.merge.base', { revision: baseRevision })}</h3>
        <p className="muted">
          {t('syncUi.merge.baseSummary', {
            count: base.entries.length,
            mode: modeLabel(base.mode),
          })}
        </p>
      </section>
      <SideColumn id="merge-mine" title={t('syncUi.merge.mine')} base={base} side={mine} />
      <SideColumn
        id="merge-theirs"
        title={t('syncUi.merge.theirs', { revision: theirsRevision })}
        base={base}
        side={theirs}
      />
    </div>
  );
}
