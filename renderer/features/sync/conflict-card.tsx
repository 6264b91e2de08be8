import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../shared/contract/ipc.ts';
import { entryText, useModeLabel } from './merge-sides.tsx';

export type Choice = 'local' | 'remote';

type Side = { label: string; value: string; memo: string | null; gone: boolean };

/**
 * One conflict: the entry (or mode) before, in the admin's draft and on the service, and the
 * choice between keeping mine and taking theirs. No side is preselected: the admin decides.
 */
export function ConflictCard({
  conflict,
  n,
  total,
  choice,
  onChoose,
}: {
  conflict: ConflictView;
  n: number;
  total: number;
  choice: Choice | undefined;
  onChoose: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const modeLabel = useModeLabel();
  const headingId = `conflict-${n}-title`;
  let title: string;
  let reason: string;
  let sides: Side[];
  if (conflict.kind === 'mode') {
    title = t('mode.label');
    reason = t(
      conflict.reason === 'remote-changed-while-editing'
        ? 'syncUi.merge.reason.modeWhileEditing'
        : conflict.reason === 'unconfirmed-save'
          ? 'syncUi.merge.reason.unconfirmed-save'
          : 'syncUi.merge.reason.mode',
    );
    sides = [
      {
        label: t('syncUi.merge.sideBase'),
        value: modeLabel(conflict.base),
        memo: null,
        gone: false,
      },
      {
        label: t('syncUi.merge.sideMine'),
        value: modeLabel(conflict.local),
        memo: null,
        gone: false,
      },
      {
        label: t('syncUi.merge.sideTheirs'),
        value: modeLabel(conflict.remote),
        memo: null,
        gone: false,
      },
    ];
  } else {
    title = conflict.key.startsWith('raw:') ? conflict.key.slice(4) : conflict.key;
    reason = t(`syncUi.merge.reason.${conflict.reason}`);
    const side = (label: string, e: typeof conflict.base, missing: string): Side =>
      e
        ? { label, value: entryText(e), memo: e.memo, gone: false }
        : { label, value: missing, memo: null, gone: true };
    sides = [
      side(t('syncUi.merge.sideBase'), conflict.base, t('syncUi.merge.absent')),
      side(t('syncUi.merge.sideMine'), conflict.local, t('syncUi.merge.deleted')),
      side(t('syncUi.merge.sideTheirs'), conflict.remote, t('syncUi.merge.deleted')),
    ];
  }
  return (
    <section className="conflict-card" aria-labelledby={headingId} data-testid="conflict">
      <p className="conflict-count">{t('syncUi.merge.conflictOf', { n, total })}</p>
      <h3 id={headingId} className="conflict-title">
        <code>{title}</code>
      </h3>
      <p>{reason}</p>
      <table className="conflict-table">
        <tbody>
          {sides.map((s, i) => (
            <tr
              key={i}
              className={i === 0 ? 'conflict-base' : i === 1 ? 'conflict-mine' : 'conflict-theirs'}
            >
              <th scope="row">{s.label}</th>
              <td className={s.gone ? 'muted' : undefined}>
                {s.gone ? <em>{s.value}</em> : <code>{s.value}</code>}
              </td>
              <td>{s.memo}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RadioGroup
        value={choice ?? null}
        onChange={(v) => onChoose(v as Choice)}
        orientation="horizontal"
        className="radio-group conflict-choice"
      >
        <Label className="field-label">{t('syncUi.merge.choice')}</Label>
        <div className="radio-options">
          <Radio value="local" className="radio">
            {t('syncUi.merge.keepMine')}
          </Radio>
          <Radio value="remote" className="radio">
            {t('syncUi.merge.takeTheirs')}
          </Radio>
        </div>
      </RadioGroup>
    </section>
  );
}
