// npm run bench:people: the participant CSV import and the cohort roster under load, on the real
// API, worker, Postgres and Redis (not part of the tests). Method and results: docs/benchmarks.md.
import { ensureServices, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

const config = await ensureServices({ log: () => undefined });
runTs('scripts/ts/bench-people.ts', { env: serviceEnv(config) }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
