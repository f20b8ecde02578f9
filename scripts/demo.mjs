// npm run demo: services, migrations, admin build, demo data, then API + worker + a mail
// sink on localhost until Ctrl+C.
import { spawn } from 'node:child_process';
import { mkdirSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { ensureServices, serviceEnv } from './services.mjs';
import { migrate } from './migrate.mjs';
import { ROOT, spawnTs } from './lib/run-ts.mjs';
import { seedDemo } from './seed-demo.mjs';
import { adminBuildIsCurrent } from './lib/admin-build.mjs';

const PORT = process.env.PORT || '3000';
const SMTP_PORT = process.env.DEMO_SMTP_PORT || '1025';
const PUBLIC_URL = process.env.PUBLIC_URL || `http://localhost:${PORT}`;

function buildAdmin() {
  console.log('Building the admin app ...');
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, 'node_modules/.bin/nx'),
      ['build', 'admin', '--output-style=static'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NX_DAEMON: 'false' },
      },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('admin build failed'))));
  });
}

async function waitForReady(url, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null)
      throw new Error(`the API exited (code ${child.exitCode}); see tmp/demo/api.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready`);
}

async function main() {
  const config = await ensureServices();
  const env = {
    ...serviceEnv(config),
    PORT,
    PUBLIC_URL,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    ADMIN_DIST: path.join(ROOT, 'dist/apps/admin/browser'),
    DEMO_SMTP_PORT: SMTP_PORT,
  };
  await migrate();
  if (adminBuildIsCurrent(ROOT))
    console.log('The admin app in dist/apps/admin/browser is current: not rebuilt.');
  else await buildAdmin();
  await seedDemo();

  const logs = path.join(ROOT, 'tmp/demo');
  mkdirSync(logs, { recursive: true });
  const children = [];
  const startLogged = (name, entry) => {
    const child = spawnTs(entry, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const file = createWriteStream(path.join(logs, `${name}.log`), { flags: 'a' });
    child.stdout.pipe(file);
    child.stderr.pipe(file);
    children.push(child);
    return child;
  };
  const mail = spawnTs('scripts/ts/mail-sink.ts', { env });
  children.push(mail);
  const api = startLogged('api', 'apps/api/src/main.ts');
  startLogged('worker', 'apps/worker/src/main.ts');

  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await waitForReady(`http://127.0.0.1:${PORT}/ready`, api);
  // Without TOKEN_SECRET the API and the worker make a random secret on first start and keep
  // it there (libs/server/platform/src/config/local-secrets.ts); nothing is signed with a
  // value anyone could read in the source.
  const secret = process.env.TOKEN_SECRET
    ? 'TOKEN_SECRET from the environment'
    : `generated on first start, kept in ${process.env.SECRETS_FILE || '.local/secrets.json'} (git-ignored)`;
  console.log(`
Mentorship Map is running.
  Admin app:   ${PUBLIC_URL}/
  API:         ${PUBLIC_URL}/api/v1
  API docs:    ${PUBLIC_URL}/api/docs
  Email:       printed here by the demo mail sink (smtp://127.0.0.1:${SMTP_PORT})
  Logs:        tmp/demo/api.log, tmp/demo/worker.log
  Secret:      ${secret}
Sign in as admin@demo.example with password mentorship-demo-2026 (see the list above for the others).
Press Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
