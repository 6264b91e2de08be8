import { Label, Radio, RadioGroup } from 'react-aria-components';

export type RadioOption<K extends string> = { value: K; label: string };

/**
 * A labelled row of radio buttons (react-aria RadioGroup: arrow keys, one tab stop). `value`
 * null: nothing chosen yet.
 */
export function RadioField<K extends string>({
  label,
  value,
  options,
  onChange,
  className,
}: {
  label: string;
  value: K | null;
  options: RadioOption<K>[];
  onChange: (value: K) => void;
  className?: string;
}) {
  return (
    <RadioGroup
      value={value}
      onChange={(v) => {
        const chosen = options.find((o) => o.value === v);
        if (chosen) onChange(chosen.value);
      }}
      orientation="horizontal"
      className={`radio-group${className ? ` ${className}` : ''}`}
    >
      <Label className="field-label">{label}</Label>
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="radio">
            {o.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
