// The whole test suite against real services (npm test):
//   services -> migrations are per test file (cloned templates) -> format, lint, typecheck
//   -> admin build (the browser test drives it) -> every Jest project in one run.
// The last line is always `N passed, N failed`: each Jest test counts once, and so does
// each check step (format, lint, typecheck, admin build).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureServices, serviceEnv } from './services.mjs';
import { ROOT } from './lib/run-ts.mjs';
import { ensureChromium } from './lib/browser.mjs';

// CI stops the whole run at 90 minutes; the install and the check steps take about 10 of them.
const JEST_DEADLINE_MINUTES = Number(process.env.JEST_DEADLINE_MINUTES ?? 65);

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/**
 * Runs one step; resolves true when it exited 0. With `deadlineMs`, a step still running then is
 * killed with its whole process group (Jest's workers too) and counts as failed: CI has a hard time
 * limit, and a run that is cut off there prints no summary at all.
 */
function run(label, command, args, env = {}, deadlineMs = undefined) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', ...env },
      detached: deadlineMs !== undefined,
    });
    const timer =
      deadlineMs === undefined
        ? undefined
        : setTimeout(() => {
            console.log(`\n!!! ${label} still running after ${Math.round(deadlineMs / 1000)} s: stopped`);
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              child.kill('SIGKILL');
            }
          }, deadlineMs);
    // A detached child is out of the terminal's process group: pass an interrupt on to it.
    const stop = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {}
      process.exit(1);
    };
    if (deadlineMs !== undefined) {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
    child.on('exit', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code === 0);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(error.message);
      resolve(false);
    });
  });
}

/** Tallies a Jest run from the progress reporter's lines; a file that started and never ended fails. */
function tallyProgress(file) {
  const tally = { passed: 0, failed: 0, unfinished: [] };
  if (!existsSync(file)) return tally;
  const running = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line);
    if (entry.event === 'start') running.add(entry.path);
    else {
      running.delete(entry.path);
      tally.passed += entry.passed;
      tally.failed += entry.failed + (entry.broken ? 1 : 0);
    }
  }
  tally.unfinished = [...running].map((file) => path.relative(ROOT, file));
  tally.failed += tally.unfinished.length;
  return tally;
}

async function main() {
  const tally = { passed: 0, failed: 0 };
  const step = (ok, label) => {
    ok ? tally.passed++ : tally.failed++;
    if (!ok) console.log(`!!! ${label} failed`);
  };

  const config = await ensureServices();
  const env = { ...serviceEnv(config), NODE_ENV: 'test', CHROMIUM_PATH: ensureChromium() };

  // JEST_ONLY=1 skips the checks (format, lint, typecheck, admin build) for a quick rerun of tests.
  if (process.env.JEST_ONLY !== '1') {
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
  }

  const report = path.join(ROOT, 'tmp', 'jest-report.json');
  const progress = path.join(ROOT, 'tmp', 'jest-progress.ndjson');
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  const jestArgs = ['--maxWorkers=2', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
  const jestEnv = { ...env, JEST_PROGRESS_FILE: progress };
  const jestOk = await run('jest', bin('jest'), jestArgs, jestEnv, JEST_DEADLINE_MINUTES * 60000);
  if (!existsSync(report)) {
    // Stopped at the deadline (or crashed): count what finished, and each file still running fails.
    const partial = tallyProgress(progress);
    for (const file of partial.unfinished) console.log(`!!! ${file} did not finish`);
    tally.passed += partial.passed;
    tally.failed += Math.max(1, partial.failed);
  } else {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    tally.passed += results.numPassedTests;
    tally.failed += results.numFailedTests;
    // A suite that failed to run (syntax error, failing beforeAll) has no failed tests of its own.
    const brokenSuites = results.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    );
    tally.failed += brokenSuites.length;
    if (!jestOk && results.numFailedTests === 0 && brokenSuites.length === 0) tally.failed++;
  }

  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
