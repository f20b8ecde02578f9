/*
 * What stalls this process's event loop while a load window runs, for benchmarks that run the API
 * in their own process (bench:people): perf_hooks' event-loop delay (10 ms resolution timer, so a
 * stall shows as the delay of the next tick) and every garbage-collection pause. `window()` starts
 * a window; its `end()` answers the window's figures. (bench:http's servers are child processes:
 * scripts/lib/event-loop-stalls.cjs does the same there.)
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface StallFigures {
  /** Event-loop delay in ms. */
  delay: { p50: number; p99: number; max: number };
  /** Every GC pause of the window: how many, their sum and the longest, in ms. */
  gc: { count: number; totalMs: number; maxMs: number; majorCount: number };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function stallWindow(): { end(): StallFigures } {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const pauses: { ms: number; major: boolean }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry.detail as { kind?: number } | undefined)?.kind;
      pauses.push({ ms: entry.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    end() {
      delay.disable();
      observer.disconnect();
      const ns = (value: number) => round(value / 1e6);
      return {
        delay: { p50: ns(delay.percentile(50)), p99: ns(delay.percentile(99)), max: ns(delay.max) },
        gc: {
          count: pauses.length,
          totalMs: round(pauses.reduce((sum, pause) => sum + pause.ms, 0)),
          maxMs: round(Math.max(0, ...pauses.map((pause) => pause.ms))),
          majorCount: pauses.filter((pause) => pause.major).length,
        },
      };
    },
  };
}

/** `p99 12.3 / max 40 ms` and `31 GC, 85 ms, max 9.1 ms` as a table's cells. */
export function describeStalls(figures: StallFigures): [string, string] {
  return [
    `${figures.delay.p99} / ${figures.delay.max} ms`,
    `${figures.gc.count} (${figures.gc.majorCount} major), ${figures.gc.totalMs} ms, max ${figures.gc.maxMs} ms`,
  ];
}
