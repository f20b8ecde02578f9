// Preloaded into a server by `npm run bench:http` when BENCH_STALLS is set (node -r): what
// stalls its event loop, measured rather than guessed. perf_hooks' monitorEventLoopDelay
// (10 ms resolution timer, so a stall shows as the delay of the next tick) and every GC pause
// (PerformanceObserver 'gc': kind and duration). SIGPWR writes a summary as JSON to
// $BENCH_STALLS_FILE and resets both, so a bench reads one summary per load window.
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay, PerformanceObserver, constants } = require('node:perf_hooks');

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
};
let pauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    pauses.push({ kind: KINDS[entry.detail?.kind ?? entry.kind] ?? 'other', ms: entry.duration });
}).observe({ entryTypes: ['gc'] });

const ms = (ns) => Math.round(ns / 1e4) / 100;
process.on('SIGPWR', () => {
  const byKind = {};
  for (const { kind, ms: d } of pauses) {
    const k = (byKind[kind] ??= { count: 0, totalMs: 0, maxMs: 0, over10ms: 0 });
    k.count++;
    k.totalMs += d;
    k.maxMs = Math.max(k.maxMs, d);
    if (d > 10) k.over10ms++;
  }
  for (const k of Object.values(byKind)) {
    k.totalMs = Math.round(k.totalMs * 10) / 10;
    k.maxMs = Math.round(k.maxMs * 10) / 10;
  }
  const heap = process.memoryUsage();
  writeFileSync(
    process.env.BENCH_STALLS_FILE,
    JSON.stringify({
      delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      gc: byKind,
      heapUsedMb: Math.round(heap.heapUsed / 1048576),
    }),
  );
  delay.reset();
  pauses = [];
});
