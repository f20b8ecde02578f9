// npm run bench:analytics: the analytics rollup of a year (1,000,000 check-ins, 100,000 matches) vs
// a bare SQL aggregate of the same rows, and the dashboard API under load, on the real API,
// Postgres and Redis (not part of the tests). Method and results: docs/benchmarks.md.
import { ensureServices, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

const config = await ensureServices({ log: () => undefined });
runTs('scripts/ts/bench-analytics.ts', { env: serviceEnv(config) }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
