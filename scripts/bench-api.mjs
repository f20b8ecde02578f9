// npm run bench:api: a bulk matching round of 2,000 mentees x 500 mentors end to end against the
// matching engine alone, on the real API, worker, Postgres and Redis (not part of the tests).
// Method and results: docs/benchmarks.md.
import { ensureServices, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

const config = await ensureServices({ log: () => undefined });
runTs('scripts/ts/bench-rounds.ts', { env: serviceEnv(config) }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
