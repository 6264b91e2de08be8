import { memo } from 'react';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';

export type SelectOption<K extends string> = { id: K; label: string };

export type SelectFieldProps<K extends string> = {
  label: string;
  value: K;
  options: SelectOption<K>[];
  onChange: (value: K) => void;
  className?: string;
  /** Hide the label visually (still announced). */
  hideLabel?: boolean;
};

/**
 * A labelled single-choice dropdown (react-aria Select: listbox popup, typeahead, keyboard).
 */
function SelectFieldImpl<K extends string>({
  label,
  value,
  options,
  onChange,
  className,
  hideLabel,
}: SelectFieldProps<K>) {
  return (
    <Select
      className={`select-field${className ? ` ${className}` : ''}`}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => {
        if (key !== null) onChange(String(key) as K);
      }}
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** Memoized: the editor re-renders on every keystroke, the dropdowns need not. */
export const SelectField = memo(SelectFieldImpl) as typeof SelectFieldImpl;
