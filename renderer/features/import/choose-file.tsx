import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';

/** The wizard's first step: choose a file or drop one (and say so when the last one was canceled). */
export function ChooseFile({
  canceled,
  onOpenFile,
  onClose,
}: {
  canceled: boolean;
  onOpenFile: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-choose">
      {canceled && (
        <p className="callout callout-info" role="status">
          {t('importer.canceled')}
        </p>
      )}
      <p>{t('importer.chooseIntro')}</p>
      <div className="drop-area">
        <span className="drop-area-title">{t('importer.dropHere')}</span>
        <span className="muted">{t('importer.dropHint')}</span>
        <Button variant="primary" onPress={onOpenFile} autoFocus>
          {t('importer.chooseButton')}
        </Button>
      </div>
      <div className="dialog-actions">
        <Button onPress={onClose}>{t('importer.cancel')}</Button>
      </div>
    </div>
  );
}
