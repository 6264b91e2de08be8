import type { IncomingMessage } from 'node:http';

/** A request body read up to `limit` bytes, or how large it was when it went past the limit. */
export type Body = { ok: true; bytes: Uint8Array } | { ok: false; size: number };

/**
 * Read a request body, refusing it past `limit` bytes without keeping more than `limit` in
 * memory. A declared Content-Length over the limit is refused before a byte is read.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, size: declared };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) return { ok: false, size };
    chunks.push(chunk);
  }
  const joined = Buffer.concat(chunks, size);
  return { ok: true, bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength) };
}
