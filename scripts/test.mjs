// The whole test suite against real services (npm test):
//   services -> migrations are per test file (cloned templates) -> format, lint, typecheck
//   -> admin build (the browser test drives it) -> every Jest project in one run.
// The last line is always `N passed, N failed`: each Jest test counts once, and so does
// each check step (format, lint, typecheck, admin build).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ensureServices, serviceEnv } from './services.mjs';
import { ROOT } from './lib/run-ts.mjs';
import { ensureChromium } from './lib/browser.mjs';

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', ...env },
    });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', (error) => {
      console.error(error.message);
      resolve(false);
    });
  });
}

async function main() {
  const tally = { passed: 0, failed: 0 };
  const step = (ok, label) => {
    ok ? tally.passed++ : tally.failed++;
    if (!ok) console.log(`!!! ${label} failed`);
  };

  const config = await ensureServices();
  const env = { ...serviceEnv(config), NODE_ENV: 'test', CHROMIUM_PATH: ensureChromium() };

  step(await run('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']), 'format');
  step(
    await run('lint', bin('nx'), ['run-many', '-t', 'lint', '--parallel=2', '--output-style=static']),
    'lint',
  );
  step(
    await run('typecheck', bin('nx'), [
      'run-many',
      '-t',
      'typecheck',
      '--parallel=2',
      '--output-style=static',
    ]),
    'typecheck',
  );
  step(await run('admin build', bin('nx'), ['build', 'admin', '--output-style=static']), 'admin build');

  const report = path.join(ROOT, 'tmp', 'jest-report.json');
  mkdirSync(path.dirname(report), { recursive: true });
  const jestArgs = ['--maxWorkers=2', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
  const jestOk = await run('jest', bin('jest'), jestArgs, env);
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    tally.passed += results.numPassedTests;
    tally.failed += results.numFailedTests;
    // A suite that failed to run (syntax error, failing beforeAll) has no failed tests of its own.
    const brokenSuites = results.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    );
    tally.failed += brokenSuites.length;
    if (!jestOk && results.numFailedTests === 0 && brokenSuites.length === 0) tally.failed++;
  } else {
    tally.failed++;
  }

  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
