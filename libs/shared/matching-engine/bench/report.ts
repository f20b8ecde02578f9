/*
 * Timing and reporting helpers shared by the benchmark sections: medians of interleaved runs,
 * markdown tables, and the list of targets the script checks at the end.
 */
export const now = (): number => performance.now();
export const log = (line: string): void => console.log(line);
export const ms = (x: number): string => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(1)} ms`);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const median = (values: number[]): number => percentile(values, 50);

/**
 * Runs `fn` once and returns its result with the CPU time this process used meanwhile, in
 * milliseconds. On a shared machine wall time mostly measures waiting for a core; CPU time is what
 * the solve cost, and every side of every ratio is measured this way (HiGHS's run() likewise, LEMON's
 * driver with CLOCK_PROCESS_CPUTIME_ID). It includes V8's garbage-collector and compiler threads.
 */
export function timed<T>(fn: () => T): [T, number] {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return [result, (used.user + used.system) / 1000];
}

/** Whether a family id is selected by `--only`. */
export const selected = (options: BenchOptions, id: string): boolean =>
  options.only === null || options.only.some((text) => id.includes(text));

export interface Target {
  name: string;
  met: boolean;
}

/** Targets of the whole run; the script exits 1 if any is not met. */
export const targets: Target[] = [];

export function printTable(columns: string[], rows: string[][]): void {
  log('');
  log(`| ${columns.join(' | ')} |`);
  log(`| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows) log(`| ${row.join(' | ')} |`);
  log('');
}

export const yesNo = (met: boolean): string => (met ? 'yes' : 'NO');
export const ratio = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '-');

/** Benchmark options from the command line (`npm run bench:matching -- --only seats-1 --repeats 5`). */
export interface BenchOptions {
  /** Family ids containing one of these texts only (default all; `--only seats-3,capacity-1`). */
  only: string[] | null;
  /** Sweep sizes by mentee count (default both). */
  sizes: number[] | null;
  /** Sections to run (default all). */
  sections: string[] | null;
  repeats: number;
  /** Top-k queries per population family. */
  topKQueries: number;
  /** HiGHS's time limit on the 100k round, in seconds. */
  highsLimitSeconds: number;
}

export function parseOptions(argv: string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const list = (flag: string): string[] | null => value(flag)?.split(',') ?? null;
  return {
    only: list('--only'),
    sizes: list('--sizes')?.map(Number) ?? null,
    sections: list('--sections'),
    repeats: Number(value('--repeats') ?? 3),
    highsLimitSeconds: Number(value('--highs-limit') ?? 1800),
    topKQueries: Number(value('--topk-queries') ?? 300),
  };
}
