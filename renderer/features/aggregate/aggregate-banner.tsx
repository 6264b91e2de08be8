import type { EntryLimitSource } from '../../../shared/allowlist/model.ts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale } from '../../i18n/setup.ts';

/**
 * Shown above the editor while the list has more entries than the limit: says so, naming where
 * the limit comes from, and opens the aggregation planner.
 */
export function AggregateBanner({
  count,
  maxEntries,
  source,
  onOpen,
}: {
  count: number;
  maxEntries: number;
  source: EntryLimitSource;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  if (count <= maxEntries) return null;
  const locale = currentLocale();
  return (
    <div className="callout callout-warning aggregate-banner" data-testid="over-limit-banner">
      <span>
        {t(`aggregate.overBanner.${source}`, {
          n: count.toLocaleString(locale),
          max: maxEntries.toLocaleString(locale),
        })}
      </span>
      <Button size="small" onPress={onOpen}>
        {t('aggregate.openPlanner')}
      </Button>
    </div>
  );
}
