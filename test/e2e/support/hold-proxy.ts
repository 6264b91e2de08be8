import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the reference service that can hold requests until the test
 * releases them. It exists for one fault that cannot be caused otherwise without timing: an
 * action (refresh, plan) still in flight while the admin presses another button. The service
 * answers in milliseconds, and a delay would be a race on a loaded machine; holding the answer
 * makes "still in flight" a fact the test controls. Everything else is forwarded unchanged.
 */
export type HoldProxy = {
  /** The URL to give the app as the service URL. */
  url: string;
  /**
   * From now on, hold every `method` request to `path` until `release()`. `arrived` resolves once
   * the first one is held (the action is in flight for sure).
   */
  hold: (method: string, path: string) => { arrived: Promise<void>; release: () => void };
  close: () => Promise<void>;
};

type Hold = { method: string; path: string; waiting: (() => void)[]; arrived: () => void };

/** Start the proxy on 127.0.0.1 (an ephemeral port) in front of `target` (an http URL). */
export async function startHoldProxy(target: string): Promise<HoldProxy> {
  const upstream = new URL(target);
  const holds = new Set<Hold>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const held = [...holds].find((h) => h.method === req.method && h.path === path);
    if (!held) return forward(req, res);
    req.pause();
    held.waiting.push(() => {
      req.resume();
      forward(req, res);
    });
    held.arrived();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    hold: (method, path) => {
      let arrived!: () => void;
      const onArrival = new Promise<void>((resolve) => (arrived = resolve));
      const h: Hold = { method, path, waiting: [], arrived };
      holds.add(h);
      return {
        arrived: onArrival,
        release: () => {
          holds.delete(h);
          for (const go of h.waiting.splice(0)) go();
        },
      };
    },
    close: async () => {
      for (const h of holds) for (const go of h.waiting.splice(0)) go();
      holds.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
