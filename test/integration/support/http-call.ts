import { request } from 'node:http';

/** One HTTP answer, as read by `call`. */
export type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
};

/**
 * One request to 127.0.0.1:`port` on a fresh connection, with the Host header a browser sends;
 * resolves with the whole answer. `tolerate`: socket errors that do not fail the call (a server
 * that answers before the whole body is sent may close the socket under the write: EPIPE, and
 * for some callers ECONNRESET); the answer still resolves it.
 */
export function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Uint8Array | string,
  tolerate: readonly string[] = ['EPIPE'],
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!tolerate.includes(error.code ?? '')) reject(error);
    });
    req.end(body);
  });
}
