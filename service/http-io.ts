import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** An error answered to the caller as `{ code, message, requestId, ...extra }`. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }
}

function jsonHeaders(text: string, requestId: string): Record<string, string> {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Request-Id': requestId,
  };
}

/** Send a JSON body with the request id header (and any extra headers). HEAD gets no body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...jsonHeaders(text, requestId), ...headers });
  res.end(text);
}

/**
 * Answer on a bare socket, for what never becomes a request object (a request Node's parser
 * refuses, CONNECT): the same JSON error body and headers as every other answer, then close.
 */
export function writeRawError(socket: Duplex, error: HttpError, requestId: string): void {
  const text = JSON.stringify({ code: error.code, message: error.message, requestId });
  const headers = { ...jsonHeaders(text, requestId), ...error.headers, Connection: 'close' };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\n${head}\r\n${text}`);
}

/** Send an error body; never a stack trace. */
export function sendError(res: ServerResponse, error: HttpError, requestId: string): void {
  sendJson(
    res,
    error.status,
    { code: error.code, message: error.message, requestId, ...error.extra },
    requestId,
    error.headers,
  );
}

/**
 * Read a request body up to `limit` bytes.
 *
 * Refuses early from Content-Length, and stops reading (413) as soon as a chunked body passes the
 * limit, so a huge upload never sits in memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}
