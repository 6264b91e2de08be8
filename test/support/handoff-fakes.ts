import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for what the hand-off talks to on the Internet: "what is my IP" endpoints (each
 * answers a fixed text, as api.ipify.org does with the caller's address) and a cybozu.com
 * tenant's login page. They run on loopback: the real endpoints and tenants cannot be used in
 * tests, and the answers (agreeing, disagreeing, IPv6 only, down) could not be caused otherwise.
 */

export type Fake = { url: string; hits: () => number; close: () => Promise<void> };

/** A loopback server answering every request with `status` and `body`. */
export async function fakeServer(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Promise<Fake> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An echo endpoint that says the caller is `ip` (with a newline, like icanhazip). */
export const echo = (ip: string): Promise<Fake> => fakeServer(200, `${ip}\n`);

/** The address of an endpoint that is down: a port that was open a moment ago, now closed. */
export async function downEndpoint(): Promise<string> {
  const fake = await fakeServer(200, '');
  await fake.close();
  return fake.url;
}
