/**
 * Child process of proxy-ca.test.ts: one GET with the service client under plain Node, as the
 * browser-mode host or a script would make it (the environment's proxy, the OS certificate
 * store read at start). Prints the outcome as one JSON line.
 */
import { createHttpService } from '../../../electron/core/service-client.ts';

const client = createHttpService({
  baseUrl: process.env.CHILD_SERVICE_URL ?? '',
  login: 'admin',
  getPassword: async () => 'pw',
  retries: 0,
  timeoutMs: 20_000,
});
const result = await client.get();
console.log(
  JSON.stringify(
    result.ok
      ? { ok: true, revision: result.value.revision }
      : { ok: false, kind: result.error.kind, message: result.error.message },
  ),
);
