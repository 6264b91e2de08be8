import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import type { Combined } from './combined.ts';
import { MergeSides } from './merge-sides.tsx';
import './sync.css';

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
      <p className="combined-counts" data-testid="combined-counts">
        {t('syncUi.combinedCounts', {
          remote: t('syncUi.changeCount', { count: combined.counts.remote }),
          local: t('syncUi.changeCount', { count: combined.counts.local }),
        })}
      </p>
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
