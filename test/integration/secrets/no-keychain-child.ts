// Child for no-keychain.test.ts: runs with no D-Bus session, so no Secret Service exists.
import { readdirSync } from 'node:fs';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { createInvoker } from '../../../electron/ipc/handle.ts';

const dataDir = process.argv[2]!;
const created = await createHandlers({ dataDir });
const invoke = createInvoker(created.handlers, {
  allowedOrigins: ['app://allowlist'],
  emit: () => {},
});
const result = await invoke(
  'profiles:create',
  { senderFrame: { url: 'app://allowlist/', parent: null } },
  {
    fields: { name: 'X', serviceUrl: 'https://example.cybozu.com', login: 'admin' },
    password: 'NO-KEYCHAIN-CANARY',
  },
);
const list = await invoke(
  'profiles:list',
  { senderFrame: { url: 'app://allowlist/', parent: null } },
  {},
);
process.stdout.write(
  JSON.stringify({ result, list, files: readdirSync(dataDir, { recursive: true }) }),
);
await created.dispose();
