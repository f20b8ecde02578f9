// npm run bench:analytics [rollups|exports]: both by default, or the one named (not part of the
// tests; method and results: docs/benchmarks.md).
//   rollups  the rollup of a year (1,000,000 check-ins, 100,000 matches) vs a bare SQL aggregate of
//            the same rows, and the dashboard API under load (scripts/ts/bench-analytics.ts)
//   exports  a cohort's check-ins streamed as CSV and JSON at 100,000 and 1,000,000 rows, the API's
//            peak memory reported (scripts/ts/bench-exports.ts)
import { ensureServices, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

const CASES = { rollups: 'scripts/ts/bench-analytics.ts', exports: 'scripts/ts/bench-exports.ts' };
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in CASES));
if (unknown.length > 0) {
  console.error(`unknown case ${unknown.join(', ')}: choose from ${Object.keys(CASES).join(', ')}`);
  process.exit(2);
}
const config = await ensureServices({ log: () => undefined });
let failed = false;
for (const name of asked.length > 0 ? asked : Object.keys(CASES)) {
  console.log(`\n== ${name}`);
  await runTs(CASES[name], { env: serviceEnv(config) }).catch((error) => {
    console.error(error.message);
    failed = true;
  });
}
if (failed) process.exit(1);
