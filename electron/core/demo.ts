import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startService } from '../../service/server.ts';

/**
 * The demo profile's service: the reference service, in-process on loopback.
 *
 * Its state persists in the data folder; the admin password is made up per run and held in
 * memory only (it protects a local toy, and the keychain is not needed to try the app).
 */

export type DemoService = { url: string; login: string; password: string };

export type DemoRunner = {
  start(): Promise<DemoService>;
  current(): DemoService | null;
  close(): Promise<void>;
};

export function createDemoRunner(options: { dataDir: string; applyDelayMs?: number }): DemoRunner {
  let running: Promise<{ info: DemoService; close: () => Promise<void> }> | null = null;
  let info: DemoService | null = null;
  return {
    async start() {
      running ??= (async () => {
        const password = randomBytes(18).toString('base64url');
        const service = await startService({
          admins: [{ login: 'demo', password }],
          host: '127.0.0.1',
          port: 0,
          data: join(options.dataDir, 'demo-service'),
          outbox: join(options.dataDir, 'demo-outbox'),
          applyDelayMs: options.applyDelayMs ?? 1500,
        });
        info = { url: service.url, login: 'demo', password };
        return { info, close: () => service.close() };
      })();
      try {
        return (await running).info;
      } catch (error) {
        running = null;
        throw error;
      }
    },
    current: () => info,
    async close() {
      if (running) await (await running).close();
      running = null;
      info = null;
    },
  };
}
