// Production bundles of the server entry points (npx nx build api|worker, or
// `node scripts/build-server.mjs [api|worker|migrate ...]`): dist/apps/api/main.js,
// dist/apps/worker/main.js, dist/scripts/migrate.js. esbuild bundles our code (the
// @mentorship/* libraries, resolved through tsconfig paths) and leaves every npm package
// external, so the bundle runs on the image's node_modules without a TypeScript compiler.
// esbuild cannot emit decorator metadata, which Nest's dependency injection reads, so each
// TypeScript file goes through @swc/core first (the compiler the tests already use).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { transform } from '@swc/core';
import { ROOT } from './lib/run-ts.mjs';

export const ENTRIES = {
  api: { entry: 'apps/api/src/main.ts', outfile: 'dist/apps/api/main.js' },
  worker: { entry: 'apps/worker/src/main.ts', outfile: 'dist/apps/worker/main.js' },
  migrate: { entry: 'scripts/ts/migrate.ts', outfile: 'dist/scripts/migrate.js' },
};

const decorators = {
  name: 'swc-decorators',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { code } = await transform(source, {
        filename: args.path,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        // CommonJS, as under @swc-node/register: a type-only import named in decorator metadata is
        // then a missing property at run time, not a missing export at bundle time.
        module: { type: 'commonjs' },
      });
      return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

export async function buildServer(names) {
  for (const name of names) {
    const target = ENTRIES[name];
    if (!target) throw new Error(`unknown entry ${name}: one of ${Object.keys(ENTRIES).join(', ')}`);
    const started = performance.now();
    await build({
      absWorkingDir: ROOT,
      entryPoints: [target.entry],
      outfile: target.outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      tsconfig: 'tsconfig.server.json',
      sourcemap: true,
      keepNames: true,
      logLevel: 'warning',
      plugins: [decorators],
    });
    console.log(`built ${target.outfile} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  buildServer(names.length > 0 ? names : Object.keys(ENTRIES)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
