import { OptionsError, parseServiceArgs, usage } from './options.ts';
import { startService } from './server.ts';
import { StateFileError } from './state-store.ts';

/**
 * The `allowlist-service` command: start the reference service and run until SIGTERM/SIGINT.
 *
 * Prints `data DIR`, `outbox DIR`, then `listening on URL`; one log line per request. Exit code 0
 * after a clean shutdown, 2 for a bad command line or an unusable state file.
 */
export async function main(argv: string[]): Promise<number> {
  let options;
  const warnings: string[] = [];
  try {
    options = parseServiceArgs(argv, process.env, warnings);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`allowlist-service: ${error.message}\n${usage()}\n`);
    process.exitCode = 2;
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  for (const warning of warnings) process.stderr.write(`allowlist-service: ${warning}\n`);
  let service;
  try {
    service = await startService({
      ...options,
      log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    // A state file, a port or a folder the system refuses (EADDRINUSE, EACCES, ENOTDIR, …) is the
    // operator's to fix from the one line; only a bug gets the stack.
    const known =
      error instanceof StateFileError ||
      typeof (error as NodeJS.ErrnoException).syscall === 'string';
    process.stderr.write(
      `allowlist-service: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
    return 2;
  }
  const running = service;
  // The signal handlers are in place before `listening on` tells anyone to use (or stop) us.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`${signal}: shutting down\n`);
      void running.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  process.stdout.write(
    `data ${service.dataDir}\noutbox ${service.outboxDir}\nlistening on ${service.url}\n`,
  );
  await stopped;
  process.stdout.write('stopped\n');
  return 0;
}
