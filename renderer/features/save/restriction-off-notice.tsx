import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { DraftView } from '../../../shared/contract/ipc.ts';
import { restrictionBackOn } from '../../../shared/sync/restriction-off.ts';
import { Button } from '../../components/ui/button.tsx';

/**
 * Said after a pull that found the restriction turned off (a Reset URL, or someone turning it
 * off), while the working copy keeps it off: one button puts it back on with the entries that
 * were in force (an undoable edit; the plan shows it before anything is saved).
 */
export function RestrictionOffNotice({
  off,
  working,
  onReplace,
}: {
  off: DraftView['restrictionOff'];
  working: Config;
  onReplace: (config: Config) => void;
}) {
  const { t } = useTranslation();
  if (!off || working.mode !== 'ALLOW_ALL') return null;
  return (
    <div className="callout callout-warning" role="status" data-testid="restriction-off-notice">
      <p>{t('save.restrictionOffNotice', { revision: off.revision, count: off.entries.length })}</p>
      <Button onPress={() => onReplace(restrictionBackOn(working, off))}>
        {t('save.restrictionBackOn', { count: off.entries.length })}
      </Button>
    </div>
  );
}
