import type fc from 'fast-check';

/**
 * A command of a fast-check model-based test (`fc.commands`): its name in a counterexample, its
 * step against the model and the real system, and when it may run (always, unless told).
 */
export function command<M extends object, R>(
  name: string,
  run: (m: M, r: R) => Promise<void>,
  check: (m: Readonly<M>) => boolean = () => true,
): fc.AsyncCommand<M, R> {
  return { check, run, toString: () => name };
}
