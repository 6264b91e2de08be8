import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { DraftView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { MergeSides } from './merge-sides.tsx';
import './sync.css';

/** A merge main did without conflicts: the three sides as they were. */
export type Combined = {
  base: Config;
  baseRevision: string;
  mine: Config;
  theirs: Config;
  theirsRevision: string;
};

/**
 * The sides of a conflict-free merge, from the draft before and after it (main replaces the base,
 * so the renderer keeps the picture); null when nothing was combined.
 */
export function combinedFrom(before: DraftView | null, after: DraftView): Combined | null {
  if (!before?.base || !after.base || before.base.revision === after.base.revision) return null;
  return {
    base: { mode: before.base.mode, entries: before.base.entries },
    baseRevision: before.base.revision,
    mine: before.working,
    theirs: { mode: after.base.mode, entries: after.base.entries },
    theirsRevision: after.base.revision,
  };
}

/**
 * "Combined with their changes": what each side did, when the service's newer list merged into
 * the draft without conflicts (on refresh, or after a 412 during save).
 */
export function CombinedSummary({
  combined,
  onDismiss,
}: {
  combined: Combined;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="callout callout-info combined"
      aria-labelledby="combined-title"
      data-testid="combined"
    >
      <div className="combined-head">
        <h2 id="combined-title" className="merge-heading">
          {t('syncUi.combinedTitle', { revision: combined.theirsRevision })}
        </h2>
        <Button size="small" variant="quiet" onPress={onDismiss}>
          {t('app.dismiss')}
        </Button>
      </div>
      <p className="combined-hint">{t('syncUi.combinedHint')}</p>
      <MergeSides
        base={combined.base}
        baseRevision={combined.baseRevision}
        mine={combined.mine}
        theirs={combined.theirs}
        theirsRevision={combined.theirsRevision}
      />
    </section>
  );
}
