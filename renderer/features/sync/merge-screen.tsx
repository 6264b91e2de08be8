import './sync.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView, MergeView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { ConflictCard } from './conflict-card.tsx';
import { DiscardChanges } from './discard-changes.tsx';
import type { DiscardOutcome } from './discard-changes.tsx';
import type { Choice } from './conflict-card.tsx';
import { MergeSides } from './merge-sides.tsx';
import { useFocusHeading } from './use-focus-heading.ts';

/**
 * The three-way merge: the remote moved while the draft had local changes (found on pull, or by
 * a 412 during push). Shows what each side did, then the conflicts one by one with a choice;
 * `merge:resolve` then makes the service's revision the new base and the workspace continues
 * with the normal plan. Nothing is sent to the service from here. A secondary way out drops the
 * local changes and takes the service's list as it is now (DiscardChanges).
 */
export function MergeScreen({
  draft,
  merge,
  cause,
  onResolved,
  onDiscarded,
}: {
  draft: DraftView;
  merge: MergeView;
  /** Found by a pull, or a push that met a newer revision (412). */
  cause: 'pull' | 'push';
  onResolved: (draft: DraftView) => void;
  /** The admin dropped their changes: the draft is the service's list (or only discarded). */
  onDiscarded: (outcome: DiscardOutcome) => void;
}) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading<HTMLHeadingElement>();
  const [index, setIndex] = useState(0);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const conflicts = merge.conflicts;
  const total = conflicts.length;
  const current = conflicts[Math.min(index, total - 1)];
  const decided = conflicts.filter((c) => choices[c.id] !== undefined).length;
  const base = draft.base
    ? { mode: draft.base.mode, entries: draft.base.entries }
    : { mode: 'ALLOW_ALL' as const, entries: [] };

  const chooseAll = (choice: Choice) =>
    setChoices(Object.fromEntries(conflicts.map((c) => [c.id, choice])));

  const resolve = async () => {
    setBusy(true);
    setError(null);
    try {
      const resolutions = conflicts.map((c) => ({ id: c.id, choice: choices[c.id] ?? 'local' }));
      onResolved(await call(api().merge.resolve({ profileId: draft.profileId, resolutions })));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <section className="merge" aria-labelledby="merge-title" data-testid="merge-screen">
      <h2 id="merge-title" className="merge-title" ref={headingRef} tabIndex={-1}>
        {t('syncUi.merge.title')}
      </h2>
      <p className={`callout ${cause === 'push' ? 'callout-warning' : 'callout-info'}`}>
        {t(cause === 'push' ? 'syncUi.merge.pushIntro' : 'syncUi.merge.intro', {
          remote: merge.remoteRevision,
          base: merge.baseRevision,
        })}
      </p>
      {merge.lostAccess.length > 0 && (
        <div className="callout callout-error" role="alert" data-testid="merge-lost-access">
          <strong>{t('syncUi.merge.lostAccessTitle')}</strong>
          <p>{t('syncUi.merge.lostAccessBody')}</p>
          <ul>
            {merge.lostAccess.map((c) => (
              <li key={`${c.reason}-${c.ip}`}>
                {c.reason === 'self'
                  ? t('syncUi.merge.lostSelf', { ip: c.ip })
                  : t('syncUi.merge.lostProtected', { ip: c.ip, label: c.label ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="merge-heading">{t('syncUi.merge.sidesHeading')}</h3>
      <MergeSides
        base={base}
        baseRevision={merge.baseRevision}
        mine={draft.working}
        theirs={merge.remote}
        theirsRevision={merge.remoteRevision}
      />
      <div className="merge-conflicts-head">
        <h3 className="merge-heading">{t('syncUi.merge.conflictsHeading')}</h3>
        {total > 0 && (
          <span className="chip" data-testid="conflicts-decided">
            {t('syncUi.merge.chosen', { done: decided, total })}
          </span>
        )}
        {total > 1 && (
          <span className="merge-all">
            <Button size="small" variant="quiet" onPress={() => chooseAll('local')}>
              {t('syncUi.merge.keepMineAll')}
            </Button>
            <Button size="small" variant="quiet" onPress={() => chooseAll('remote')}>
              {t('syncUi.merge.takeTheirsAll')}
            </Button>
          </span>
        )}
      </div>
      {current ? (
        <>
          <ConflictCard
            key={current.id}
            conflict={current}
            n={Math.min(index, total - 1) + 1}
            total={total}
            choice={choices[current.id]}
            onChoose={(choice) => setChoices((c) => ({ ...c, [current.id]: choice }))}
          />
          {total > 1 && (
            <div className="merge-nav">
              <Button onPress={() => setIndex((i) => Math.max(0, i - 1))} isDisabled={index === 0}>
                {t('syncUi.merge.previous')}
              </Button>
              <Button
                onPress={() => setIndex((i) => Math.min(total - 1, i + 1))}
                isDisabled={index >= total - 1}
              >
                {t('syncUi.merge.next')}
              </Button>
            </div>
          )}
        </>
      ) : (
        <p className="muted">{t('syncUi.merge.noConflicts')}</p>
      )}
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
      <div className="merge-actions">
        {decided < total && <span className="muted">{t('syncUi.merge.decideAll')}</span>}
        <Button
          variant="primary"
          onPress={() => void resolve()}
          isDisabled={busy || decided < total}
        >
          {busy
            ? t('syncUi.merge.resolving')
            : total > 0
              ? t('syncUi.merge.continue')
              : t('syncUi.merge.continueNoConflicts')}
        </Button>
      </div>
      <DiscardChanges
        profileId={draft.profileId}
        remoteRevision={merge.remoteRevision}
        onDiscarded={onDiscarded}
      />
    </section>
  );
}
