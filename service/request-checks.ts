import { HttpError } from './http-io.ts';

/**
 * Refuse query parameters an endpoint does not take (400 UNKNOWN_PARAMETER naming it), and a
 * known one given twice (400 DUPLICATE_PARAMETER): `?dryRun=true` must not look like it did
 * something. Checked before authentication: it reveals nothing.
 */
export function refuseUnknownParameters(url: URL, known: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of url.searchParams.keys()) {
    if (!known.includes(name)) {
      throw new HttpError(
        400,
        'UNKNOWN_PARAMETER',
        `${url.pathname} takes ${known.length === 0 ? 'no query parameters' : `only ${known.join(', ')}`}; "${name}" is not one of them, so nothing was done.`,
        { parameter: name },
      );
    }
    if (seen.has(name)) {
      throw new HttpError(
        400,
        'DUPLICATE_PARAMETER',
        `The query parameter "${name}" is given more than once.`,
        { parameter: name },
      );
    }
    seen.add(name);
  }
}

/**
 * The answer to a request Node's HTTP parser refused (the `clientError` codes of llhttp), or null
 * when the connection is gone and nothing can be answered.
 */
export function clientErrorAnswer(code: string | undefined): HttpError | null {
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return null;
    case 'HPE_HEADER_OVERFLOW':
      return new HttpError(
        431,
        'HEADERS_TOO_LARGE',
        'The request headers are larger than 16 KB; nothing was done.',
      );
    case 'HPE_INVALID_METHOD':
      return new HttpError(
        501,
        'NOT_IMPLEMENTED',
        'The request method is not one this service knows; nothing was done.',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpError(408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.');
    default:
      return new HttpError(
        400,
        'BAD_REQUEST',
        `The request is not valid HTTP/1.1 (${code ?? 'unreadable'}); nothing was done.`,
      );
  }
}
