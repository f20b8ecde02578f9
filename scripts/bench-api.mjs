// npm run bench:api [suggestions|rounds]: the matching API under load, on the real API, worker,
// Postgres and Redis (not part of the tests). Both cases by default, or the one named:
//   suggestions  GET suggestions of a 2,000-mentor cohort vs the API's own /health (scripts/ts/bench-suggestions.ts)
//   rounds       a bulk matching round of 2,000 mentees x 500 mentors end to end vs the engine alone (scripts/ts/bench-rounds.ts)
// Method and results: docs/benchmarks.md.
import { ensureServices, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

const CASES = { suggestions: 'scripts/ts/bench-suggestions.ts', rounds: 'scripts/ts/bench-rounds.ts' };
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
process.exit(failed ? 1 : 0);
