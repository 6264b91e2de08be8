/**
 * The summary `npm run bench` prints, and whether a goal was missed (bench/run.ts).
 *
 * A bench prints `RESULT {json}` lines of this shape. A result with `skipped` says why it could not
 * be measured (e.g. grepcidr not installed) and is not a miss.
 */
export type BenchResult = {
  name: string;
  ratio?: number;
  /** ratio must be >= this. */
  target?: number;
  value?: number;
  unit?: string;
  /** value must be >= this. */
  targetValue?: number;
  /** value must be <= this. */
  maxValue?: number;
  skipped?: string;
};

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3)));

/** Whether a measured result meets every goal it states. */
export function meetsGoals(r: BenchResult): boolean {
  return (
    (r.target === undefined || (r.ratio ?? 0) >= r.target) &&
    (r.targetValue === undefined || (r.value ?? 0) >= r.targetValue) &&
    (r.maxValue === undefined || (r.value ?? Infinity) <= r.maxValue)
  );
}

/**
 * One line per result (`ok`, `MISS`, `SKIP`, or `info` for a figure with no goal), and how many
 * goals were missed.
 */
export function summarize(results: BenchResult[]): { lines: string[]; missed: number } {
  let missed = 0;
  const lines = results.map((r) => {
    if (r.skipped !== undefined) return `SKIP  ${r.name}: ${r.skipped}`;
    const ok = meetsGoals(r);
    const goal = r.target !== undefined || r.targetValue !== undefined || r.maxValue !== undefined;
    if (!ok) missed += 1;
    const ratio =
      r.ratio === undefined
        ? ''
        : ` ${r.ratio.toFixed(2)}x${r.target === undefined ? '' : ` (goal >= ${r.target}x)`}`;
    const value =
      r.value === undefined
        ? ''
        : `  ${fmt(r.value)} ${r.unit ?? ''}${r.targetValue === undefined ? '' : ` (goal >= ${fmt(r.targetValue)})`}${r.maxValue === undefined ? '' : ` (goal <= ${fmt(r.maxValue)})`}`;
    return `${!goal ? 'info' : ok ? 'ok  ' : 'MISS'}  ${r.name}:${ratio}${value}`;
  });
  return { lines, missed };
}
