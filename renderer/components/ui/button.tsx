import { Button as AriaButton } from 'react-aria-components';
import type { ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonProps = AriaButtonProps & {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  size?: 'normal' | 'small';
};

/**
 * A button (react-aria: press handling, keyboard and focus ring done right).
 */
export function Button({
  variant = 'secondary',
  size = 'normal',
  className,
  ...props
}: ButtonProps) {
  const classes = `btn btn-${variant}${size === 'small' ? ' btn-small' : ''}${typeof className === 'string' ? ` ${className}` : ''}`;
  return <AriaButton {...props} className={classes} />;
}
