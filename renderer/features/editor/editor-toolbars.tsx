import { memo, useMemo } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import type { FilterKey, SortKey } from './view-order.ts';

export type EditActionsProps = {
  canUndo: boolean;
  canRedo: boolean;
  duplicateCount: number;
  hostBitsCount: number;
  rowCount: number;
  maxEntries: number;
  errors: number;
  warnings: number;
  locale: 'en' | 'ja';
  onAdd: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onFixAll: (code: 'DUPLICATE_ENTRY' | 'HOST_BITS_SET') => void;
};

/**
 * Add / Undo / Redo, the fix-all buttons and the counters.
 *
 * Memoized on plain values and stable callbacks: a keystroke re-renders it only when a count or
 * the undo state changes.
 */
export const EditActions = memo(function EditActions(props: EditActionsProps) {
  const { t } = useTranslation();
  const { locale } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.heading')}>
      <Button variant="primary" onPress={props.onAdd}>
        <Icon name="plus" /> {t('editor.add')}
      </Button>
      <Button onPress={props.onUndo} isDisabled={!props.canUndo} aria-keyshortcuts="Control+Z">
        <Icon name="undo" /> {t('editor.undo')}
      </Button>
      <Button onPress={props.onRedo} isDisabled={!props.canRedo} aria-keyshortcuts="Control+Y">
        <Icon name="redo" /> {t('editor.redo')}
      </Button>
      {props.duplicateCount > 0 && (
        <Button onPress={() => props.onFixAll('DUPLICATE_ENTRY')}>
          {t('editor.fixAllDuplicates')}
        </Button>
      )}
      {props.hostBitsCount > 0 && (
        <Button onPress={() => props.onFixAll('HOST_BITS_SET')}>
          {t('editor.fixAllHostBits')}
        </Button>
      )}
      <div className="counters" role="status" aria-live="polite" data-testid="counters">
        <span className={`counter${props.rowCount > props.maxEntries ? ' counter-error' : ''}`}>
          {t('editor.counters.entries', {
            n: props.rowCount.toLocaleString(locale),
            max: props.maxEntries.toLocaleString(locale),
          })}
        </span>
        <span className={`counter${props.errors > 0 ? ' counter-error' : ''}`}>
          {t('editor.counters.errors', { count: props.errors })}
        </span>
        <span className={`counter${props.warnings > 0 ? ' counter-warning' : ''}`}>
          {t('editor.counters.warnings', { count: props.warnings })}
        </span>
      </div>
    </div>
  );
});

export type ViewControlsProps = {
  search: string;
  onSearch: (value: string) => void;
  filter: FilterKey;
  onFilter: (value: FilterKey) => void;
  sort: SortKey;
  onSort: (value: SortKey) => void;
  shown: number;
  total: number;
};

/** Search, filter and sort of the table (memoized: typing in a row does not re-render it). */
export const ViewControls = memo(function ViewControls(props: ViewControlsProps) {
  const { t } = useTranslation();
  const filterOptions = useMemo(
    () => [
      { id: 'all' as const, label: t('editor.filterAll') },
      { id: 'problems' as const, label: t('editor.filterProblems') },
      { id: 'errors' as const, label: t('editor.filterErrors') },
      { id: 'warnings' as const, label: t('editor.filterWarnings') },
    ],
    [t],
  );
  const sortOptions = useMemo(
    () => [
      { id: 'original' as const, label: t('editor.sortOriginal') },
      { id: 'ip' as const, label: t('editor.sortIp') },
      { id: 'memo' as const, label: t('editor.sortMemo') },
      { id: 'problems' as const, label: t('editor.sortProblems') },
    ],
    [t],
  );
  return (
    <div className="toolbar toolbar-secondary">
      <SearchField value={props.search} onChange={props.onSearch} className="search-field">
        <Label className="field-label">{t('editor.search')}</Label>
        <Input className="input" placeholder={t('editor.searchPlaceholder')} />
      </SearchField>
      <SelectField<FilterKey>
        label={t('editor.filter')}
        value={props.filter}
        onChange={props.onFilter}
        options={filterOptions}
      />
      <SelectField<SortKey>
        label={t('editor.sort')}
        value={props.sort}
        onChange={props.onSort}
        options={sortOptions}
      />
      <span className="showing">
        {t('editor.showing', { shown: props.shown, total: props.total })}
      </span>
    </div>
  );
});
