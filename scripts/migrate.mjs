// Brings the database schema up to date (npm run migrate). Services must be up: see services.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveServiceConfig, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

export function migrate() {
  return runTs('scripts/ts/migrate.ts', { env: serviceEnv(resolveServiceConfig()) });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  migrate().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
