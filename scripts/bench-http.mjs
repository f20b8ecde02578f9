// npm run bench:http: the HTTP benchmark of the built API against bare handlers (docs/benchmarks.md).
// Makes the services reachable, builds the API bundle, then runs scripts/ts/bench/bench-http.ts.
import { ensureServices, serviceEnv } from './services.mjs';
import { buildServer } from './build-server.mjs';
import { spawnTs } from './lib/run-ts.mjs';

const config = await ensureServices();
await buildServer(['api']);
const child = spawnTs('scripts/ts/bench/bench-http.ts', { env: serviceEnv(config) });
child.on('exit', (code) => process.exit(code ?? 1));
