import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTcpServer, connect } from 'node:net';
import type { Server as TcpServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Listen on a loopback address and return the base URL. */
export async function listen(server: Server | TcpServer, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

/** Close a server and every connection it holds. */
export async function shut(server: Server | TcpServer, sockets?: Set<Socket>): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  for (const s of sockets ?? []) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Forward one request to `target` (a real service) and stream its answer back. */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  path = req.url ?? '/',
): void {
  const up = request(
    new URL(path, target),
    { method: req.method, headers: req.headers, agent: false },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', () => res.destroy());
  req.pipe(up);
}

/** A recorded request: method, path, arrival time. */
export type Seen = { method: string; path: string; at: number };

/** An HTTP server answering with `handler`, recording each request it receives. */
export function recordingServer(
  handler: (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void,
) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', at: Date.now() });
    handler(req, res, seen);
  });
  return { server, seen };
}

/**
 * A TCP proxy in front of a real service process. `onRequestBytes` / `onResponseBytes` see the
 * first bytes each way and may cut the connection (returning true) instead of passing them on;
 * `upstream()` says where the service is now (null: nothing listening).
 */
export function cuttingProxy(options: {
  upstream: () => Promise<number | null>;
  onRequestBytes?: () => boolean;
  onResponseBytes?: () => boolean;
}) {
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    sockets.add(client);
    client.pause();
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    void options.upstream().then((port) => {
      if (port === null) return client.destroy();
      const up = connect(port, '127.0.0.1');
      sockets.add(up);
      up.on('error', () => client.destroy());
      up.on('close', () => {
        sockets.delete(up);
        client.destroy();
      });
      client.on('data', (chunk) => {
        if (options.onRequestBytes?.()) {
          client.destroy();
          up.destroy();
          return;
        }
        up.write(chunk);
      });
      client.on('close', () => up.destroy());
      up.on('data', (chunk) => {
        if (options.onResponseBytes?.()) {
          client.destroy();
          up.destroy();
          return;
        }
        client.write(chunk);
      });
      client.resume();
    });
  });
  return { server, sockets };
}
