import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A hang guard, not a speed goal: on a machine busy with other work, loading a large
          // dependency (electron-builder's schema, app-builder-lib) takes more than the default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Integration tests share the keychain and bind loopback ports: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
