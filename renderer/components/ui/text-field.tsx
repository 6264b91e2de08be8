import type { ReactNode } from 'react';
import { Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';
import type { TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export type TextFieldProps = Omit<AriaTextFieldProps, 'children'> & {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: ReactNode;
  placeholder?: string;
};

/**
 * A labelled text field with an optional hint and error (react-aria wires the ids).
 */
export function TextField({
  label,
  description,
  errorMessage,
  placeholder,
  className,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={errorMessage ? true : props.isInvalid}
      className={`field${typeof className === 'string' ? ` ${className}` : ''}`}
    >
      <Label className="field-label">{label}</Label>
      <Input className="input" placeholder={placeholder} />
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      {errorMessage && (
        <Text slot="errorMessage" className="field-error">
          {errorMessage}
        </Text>
      )}
    </AriaTextField>
  );
}
