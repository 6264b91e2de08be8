import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../shared/contract/ipc.ts';
import { typedPhraseMatches } from '../../../shared/sync/plan.ts';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';

/**
 * The lockout warning: says plainly who loses access, shows the addresses, and needs the phrase
 * typed exactly before the save can go through. Cancel is the default button.
 */
export function LockoutDialog({
  plan,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  plan: PlanView | null;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (phrase: string) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const lost = plan?.lockout.checks.filter((c) => !c.allowed) ?? [];
  const self = lost.some((c) => c.reason === 'self');
  const phrase = plan?.confirmationPhrase ?? '';
  const matches = typedPhraseMatches(typed, phrase);
  return (
    <AppDialog
      title={t('save.lockoutTitle', {
        who: self ? t('save.lockoutWhoSelf') : t('save.lockoutWhoProtected'),
      })}
      isOpen={plan !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      role="alertdialog"
      className="modal-danger"
    >
      <div className="lockout" data-testid="lockout">
        <p>{t('save.lockoutBody')}</p>
        <ul className="lockout-list">
          {lost.map((c) => (
            <li key={`${c.reason}-${c.ip}`}>
              <code className="big-address">{c.ip}</code>{' '}
              {c.reason === 'self'
                ? t('save.selfLabel')
                : t('save.protectedLabel', { label: c.label ?? '' })}
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (matches && !busy) onConfirm(phrase);
          }}
        >
          <TextField
            label={t('save.lockoutPhraseLabel', { phrase })}
            value={typed}
            onChange={setTyped}
            autoComplete="off"
            spellCheck="false"
          />
          <ErrorCallout>{error}</ErrorCallout>
          <div className="dialog-actions">
            <Button autoFocus variant="primary" onPress={onCancel}>
              {t('save.lockoutCancel')}
            </Button>
            <Button type="submit" variant="danger" isDisabled={!matches || busy}>
              {busy ? t('save.saving') : t('save.lockoutConfirm')}
            </Button>
          </div>
        </form>
      </div>
    </AppDialog>
  );
}
