// npm run bench:reminders: reminder delivery by our worker vs a bare BullMQ worker doing the same
// inserts and sends, in one run, on the real Postgres, an own Redis per side and a local SMTP sink
// (not part of the tests). Method and results: docs/benchmarks.md.
import { ensureServices, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

const config = await ensureServices({ log: () => undefined });
runTs('scripts/ts/bench-reminders.ts', { env: serviceEnv(config) }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
