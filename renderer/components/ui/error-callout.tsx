import type { ReactNode } from 'react';

/**
 * The error callout: an alert (read out when it appears) holding one message. Renders nothing
 * while there is no message, so a caller can pass its error state as it is.
 */
export function ErrorCallout({ children }: { children?: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '')
    return null;
  return (
    <p className="callout callout-error" role="alert">
      {children}
    </p>
  );
}
