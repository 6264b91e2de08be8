import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { EgressGet } from '../shared/handoff/egress.ts';

/** The most of an answer read (an address is a few bytes; anything longer is refused anyway). */
const MAX_BODY_BYTES = 64 * 1024;

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * One GET for the CLI's egress check: node:http(s), certificates verified, the environment's
 * proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as the app's browser mode does; never for loopback),
 * no redirect followed, a timeout. Never throws.
 */
export const cliGet: EgressGet = (text, timeoutMs) =>
  new Promise((resolve) => {
    let done = false;
    const finish = (value: Awaited<ReturnType<EgressGet>>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      resolve({ ok: false, message: `"${text}" is not a URL.` });
      return;
    }
    const proxyEnv = isLoopback(url.hostname) ? undefined : process.env;
    const options = { method: 'GET', headers: { Accept: 'text/plain' } };
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, { ...options, agent: new HttpsAgent({ keepAlive: false, proxyEnv }) })
        : httpRequest(url, { ...options, agent: new HttpAgent({ keepAlive: false, proxyEnv }) });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, message: `${url.host} did not answer in time.` });
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, message: `Cannot reach ${url.host}: ${error.code ?? error.message}.` }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          finish({ ok: false, message: `${url.host} answered with more than an address.` });
        } else chunks.push(chunk);
      });
      res.on('end', () =>
        finish({
          ok: true,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', () => finish({ ok: false, message: `${url.host} cut the answer short.` }));
    });
    req.end();
  });
