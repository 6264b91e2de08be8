/**
 * How the benches compare a subject with its baselines on this shared, noisy machine: in turns,
 * one run of each per round, so that a burst of load falls on all of them alike, then medians.
 * Also the preload through which a child process reports its CPU time at exit.
 */

/** The median of `values` (NaN for none); `values` is left as it was. */
export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/**
 * Each of `runs` run once per round, one after another, `rounds` times: every run's result, by
 * name. With `warmUp`, a first round (the compile cache, the file in the page cache) is run and
 * not kept.
 */
export async function inTurns<K extends string, R>(
  runs: Record<K, () => R | Promise<R>>,
  rounds: number,
  { warmUp = false }: { warmUp?: boolean } = {},
): Promise<Record<K, R[]>> {
  const seen = Object.fromEntries(Object.keys(runs).map((name) => [name, [] as R[]])) as Record<
    K,
    R[]
  >;
  for (let round = warmUp ? -1 : 0; round < rounds; round++)
    for (const name of Object.keys(runs) as K[]) {
      const r = await runs[name]();
      if (round >= 0) seen[name].push(r);
    }
  return seen;
}

/** `node --import` this: the process writes `cpu_ms=N` (user + system, all threads) to stderr at exit. */
export const CPU_AT_EXIT =
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("cpu_ms="+(u.user+u.system)/1000+"\\n")})';

/** The CPU time a process started with `CPU_AT_EXIT` reported on its stderr (NaN if none). */
export const reportedCpuMs = (stderr: string): number =>
  Number(/cpu_ms=([\d.]+)/.exec(stderr)?.[1]);
