// npm run bench:api [suggestions|rounds]: the matching API under load, on the real API, worker,
// Postgres and Redis (not part of the tests). Both cases by default, or the one named:
//   suggestions  GET suggestions of a 2,000-mentor cohort vs the API's own /health (scripts/ts/bench-suggestions.ts)
//   rounds       a bulk matching round of 2,000 mentees x 500 mentors end to end vs the engine alone (scripts/ts/bench-rounds.ts)
// Method and results: docs/benchmarks.md.
import { runBenchCases } from './lib/bench-cases.mjs';

await runBenchCases({ suggestions: 'scripts/ts/bench-suggestions.ts', rounds: 'scripts/ts/bench-rounds.ts' });
