import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { startService, type RunningService } from '../../../service/server.ts';
import { startHarness, type Harness } from '../sync/harness.ts';
import { plannedSave } from '../support/planned-save.ts';

/**
 * Promise 2 (never lock out silently): the service behind the company's reverse proxy
 * (`--trust-proxy`), which writes the caller's IPv4 address in an IPv4-mapped IPv6 spelling
 * into X-Forwarded-For. The contract says a mapped form is the same address, and the app's
 * lockout check reads it so: the service must enforce it so too, or a list the app showed as
 * keeping the admin in locks the admin out without the typed phrase.
 *
 * The real app handlers, keychain and reference service; the proxy is a few lines here (a
 * reverse proxy cannot be run otherwise), forwarding every request with the header added.
 */

const office: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [{ ip: '127.0.0.0', cidr: 8, memo: 'this computer' }],
};

/** A reverse proxy in front of `target` that tells it the caller is `forwardedFor`. */
async function startProxy(
  target: string,
  forwardedFor: string,
): Promise<{ url: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: to.host, 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let h: Harness | null = null;
let behind: RunningService | null = null;
let proxy: Server | null = null;
afterEach(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  proxy = null;
  await behind?.close();
  behind = null;
  await h?.stop();
  h = null;
});

describe('the caller’s address in an IPv4-mapped IPv6 spelling', () => {
  for (const spelling of ['0:0:0:0:0:ffff:127.0.0.1', '::ffff:7f00:1']) {
    it(`(${spelling}) is the same address for the lockout check and for the service`, async () => {
      h = await startHarness();
      behind = await startService({
        admins: [{ login: 'admin', password: h.password }],
        applyDelayMs: 100,
        trustProxy: true,
        data: join(h.root, 'proxied-data'),
        outbox: join(h.root, 'proxied-outbox'),
      });
      const front = await startProxy(behind.url, spelling);
      proxy = front.server;
      const { profile, plan } = await plannedSave(h, front.url, office, 'Behind a proxy');
      // The service names the caller as the IPv4 address it is, which this list keeps in…
      expect(plan.lockout.clientIp).toBe('127.0.0.1');
      expect(plan.confirmationPhrase).toBeNull();
      const pushed = await h.call('sync:push', { profileId: profile.id, planId: plan.planId });
      expect(pushed.status).toBe('pushed');
      // …and the service lets it in once the list is in force: no lockout the plan did not show.
      const applied = await h.created.services.tracker.settled(profile.id);
      expect(applied.phase).toBe('verified');
    });
  }
});
