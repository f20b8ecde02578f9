// npm run bench:analytics [rollups|exports]: both by default, or the one named (not part of the
// tests; method and results: docs/benchmarks.md).
//   rollups  the rollup of a year (1,000,000 check-ins, 100,000 matches) vs a bare SQL aggregate of
//            the same rows, and the dashboard API under load (scripts/ts/bench-analytics.ts)
//   exports  a cohort's check-ins streamed as CSV and JSON at 100,000 and 1,000,000 rows, the API's
//            peak memory reported (scripts/ts/bench-exports.ts)
import { runBenchCases } from './lib/bench-cases.mjs';

await runBenchCases({ rollups: 'scripts/ts/bench-analytics.ts', exports: 'scripts/ts/bench-exports.ts' });
