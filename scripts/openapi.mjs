// Regenerates the admin app's API types from the API's OpenAPI document (npm run openapi):
//   libs/shared/contracts/src/openapi.generated.ts
// A test fails when the committed file differs from what the API serves.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureServices, serviceEnv } from './services.mjs';
import { migrate } from './migrate.mjs';
import { ROOT, runTs } from './lib/run-ts.mjs';

export const GENERATED = path.join(ROOT, 'libs/shared/contracts/src/openapi.generated.ts');

/** Turns an OpenAPI JSON file into TypeScript types at `output`. */
export function generateTypes(documentPath, output) {
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/openapi-typescript'),
    [documentPath, '-o', output],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('openapi-typescript failed');
}

async function main() {
  const config = await ensureServices({ log: () => {} });
  await migrate();
  const document = path.join(ROOT, 'tmp/openapi.json');
  mkdirSync(path.dirname(document), { recursive: true });
  await runTs('scripts/ts/openapi-document.ts', { env: serviceEnv(config), args: [document] });
  generateTypes(document, GENERATED);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts/openapi.mjs')) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
