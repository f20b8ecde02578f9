// Seeds the demo organization and its people (idempotent). `npm run demo` does this for you.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveServiceConfig, serviceEnv } from './services.mjs';
import { runTs } from './lib/run-ts.mjs';

export function seedDemo() {
  return runTs('scripts/ts/seed-demo.ts', { env: serviceEnv(resolveServiceConfig()) });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  seedDemo().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
