import { formatMessage } from './i18n/messages.ts';

/** The values an error's sentence names (sizes, addresses, a sheet name). */
export type ErrorParams = Record<string, string | number>;

/**
 * The one coded-error base: a stable UPPER_SNAKE `code` plus `params`.
 *
 * The sentence lives once, in shared/i18n (messages.ts / error-messages.ts), in English and
 * Japanese, under `text` (the code itself unless one code has several causes). `message` is the
 * English sentence, for logs, the CLI and tests; a UI formats `text` and `params` in its own
 * language. AppError (main, electron/core/errors.ts) and ImportError (shared/import) extend it.
 */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  readonly params: ErrorParams;
  /** Id of the sentence in shared/i18n. */
  readonly text: string;

  constructor(
    code: C,
    params: ErrorParams = {},
    options: { text?: string; message?: string } = {},
  ) {
    const text = options.text ?? code;
    super(options.message ?? formatMessage(text, params, 'en') ?? text);
    this.name = 'CodedError';
    this.code = code;
    this.params = params;
    this.text = text;
  }
}

/** True for a CodedError of the given class name, also across module copies and realms. */
export function isCodedError(value: unknown, name?: string): value is CodedError {
  if (value instanceof CodedError) return name === undefined || value.name === name;
  return (
    typeof value === 'object' &&
    value !== null &&
    (name === undefined || (value as { name?: unknown }).name === name) &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
