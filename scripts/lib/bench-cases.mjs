// The launcher the benchmark commands share: `npm run bench:<x> [case ...]` runs the cases named
// (all by default), each a TypeScript entry point, on the services the tests use.
import { ensureServices, serviceEnv } from '../services.mjs';
import { runTs } from './run-ts.mjs';

/**
 * Runs the cases `process.argv` names out of `cases` (name → scripts/ts entry), one after the
 * other; exits 2 on an unknown name, 1 when a case failed (the others still run), else 0.
 */
export async function runBenchCases(cases) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in cases));
  if (unknown.length > 0) {
    console.error(`unknown case ${unknown.join(', ')}: choose from ${Object.keys(cases).join(', ')}`);
    process.exit(2);
  }
  const config = await ensureServices({ log: () => undefined });
  let failed = false;
  for (const name of asked.length > 0 ? asked : Object.keys(cases)) {
    console.log(`\n== ${name}`);
    await runTs(cases[name], { env: serviceEnv(config) }).catch((error) => {
      console.error(error.message);
      failed = true;
    });
  }
  process.exit(failed ? 1 : 0);
}
