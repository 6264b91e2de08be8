import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';

/** What a settings action ended in: saved (ok) or the reason it was not. */
export type SettingsStatus = { ok: boolean; text: string } | null;

/** A settings form on one line: fields and a submit button; Enter submits. */
export function InlineForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <Form
      className="inline-form"
      validationBehavior="aria"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </Form>
  );
}

/** The outcome of the last settings action, read out when it changes. */
export function StatusNote({ status }: { status: SettingsStatus }) {
  if (!status) return null;
  return (
    <p className={`callout ${status.ok ? 'callout-ok' : 'callout-error'}`} role="status">
      {status.text}
    </p>
  );
}
