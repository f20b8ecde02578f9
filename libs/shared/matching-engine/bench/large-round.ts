/*
 * A 100,000-mentee round (10,000 mentors, 50 candidates each, seats = mentees): the engine in a child
 * process of its own (peak memory = that process's maxRSS), HiGHS in another with a time limit, and
 * LEMON; plus the refusal of a round beyond the engine's limits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assignOptimal } from '../src/assign/optimal';
import { MAX_ROUND_MENTEES } from '../src/assign/candidate-graph';
import { MatchingInputError } from '../src/matching-input.error';
import { generateFamilyRound, ROUND_FAMILIES } from '../src/testing/round-families';
import { ensureLemon, runLemon, writeLemonRound } from './lemon';
import { log, ms, printTable, ratio, targets, yesNo, type BenchOptions } from './report';

const SHAPE = { family: 'seats-1', mentees: 100000, mentors: 10000, seed: 1 };
const GIB = 2 ** 30;

function child<T>(script: string, args: (string | number)[], timeoutMs: number): T | { failed: string } {
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, script), ...args.map(String)],
    {
      encoding: 'utf8',
      cwd: process.cwd(),
      timeout: timeoutMs,
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) {
    return { failed: run.error?.message ?? (run.stderr.trim().split('\n').pop() || `exit ${run.status}`) };
  }
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as T;
}

interface EngineRun {
  prepareMs: number;
  /** CPU time of the solve. */
  solveMs: number;
  solveWallMs: number;
  totalPoints: number;
  matchedCount: number;
  maxRssBytes: number;
}
interface HighsRun {
  objective: number;
  /** Wall time of run(). */
  solveMs: number;
  /** CPU time of run(). */
  cpuMs: number;
  finished: boolean;
  maxRssBytes: number;
}

export function largeRound(options: BenchOptions): void {
  const label = `${SHAPE.mentees / 1000}k x ${SHAPE.mentors / 1000}k x 50, ${SHAPE.family}`;
  log(`## Large round: ${label}`);
  const args = [SHAPE.family, SHAPE.mentees, SHAPE.mentors, SHAPE.seed];
  const engine = child<EngineRun>('exact-memory.child.ts', args, 30 * 60 * 1000);
  if ('failed' in engine) throw new Error(`engine child failed: ${engine.failed}`);
  log(
    `engine (separate process): preparation ${ms(engine.prepareMs)}, solve ${ms(engine.solveMs)} CPU (${ms(engine.solveWallMs)} wall), peak RSS ${(engine.maxRssBytes / 2 ** 20).toFixed(0)} MiB, total ${engine.totalPoints} (${engine.matchedCount} pairs)`,
  );
  const family = ROUND_FAMILIES.find((f) => f.id === SHAPE.family);
  if (!family) throw new Error('unknown family');
  let lemonCell = '-';
  let roundFile: string | null = null;
  if (ensureLemon(log)) {
    const graph = generateFamilyRound(family, SHAPE, SHAPE.seed);
    roundFile = writeLemonRound(graph, 'max-score', 'large');
    const ns = runLemon(roundFile);
    lemonCell = `${ms(ns.cpuMs)} (engine / LEMON ${ratio(engine.solveMs / ns.cpuMs)})`;
    targets.push({ name: `large ${label}: same optimum as LEMON`, met: ns.total === engine.totalPoints });
    log(`LEMON NetworkSimplex run() ${ms(ns.cpuMs)} CPU (${ms(ns.runMs)} wall), total ${ns.total}`);
  }
  log(`HiGHS (separate process, time limit ${options.highsLimitSeconds} s) ...`);
  const highs = child<HighsRun>(
    'highs-large.child.ts',
    [...args, options.highsLimitSeconds],
    (options.highsLimitSeconds + 600) * 1000,
  );
  let highsCell: string;
  let vsHighs: string;
  if ('failed' in highs) {
    highsCell = `failed: ${highs.failed}`;
    vsHighs = '-';
    log(`HiGHS could not solve the round here: ${highs.failed}`);
    targets.push({ name: `large ${label}: engine / HiGHS <= 0.1 (HiGHS failed, not measured)`, met: false });
  } else if (!highs.finished) {
    highsCell = `not finished after ${ms(highs.cpuMs)} CPU (time limit), peak RSS ${(highs.maxRssBytes / 2 ** 20).toFixed(0)} MiB`;
    vsHighs = `< ${ratio(engine.solveMs / highs.cpuMs)}`;
    log(
      `HiGHS stopped at its time limit after ${ms(highs.solveMs)} wall (${ms(highs.cpuMs)} CPU): the ratio is a bound`,
    );
    targets.push({
      name: `large ${label}: engine / HiGHS <= 0.1 (bound: HiGHS hit its time limit)`,
      met: engine.solveMs / highs.cpuMs <= 0.1,
    });
  } else {
    highsCell = `${ms(highs.cpuMs)}, peak RSS ${(highs.maxRssBytes / 2 ** 20).toFixed(0)} MiB`;
    vsHighs = ratio(engine.solveMs / highs.cpuMs);
    log(`HiGHS run() ${ms(highs.cpuMs)} CPU (${ms(highs.solveMs)} wall), total ${highs.objective}`);
    targets.push({
      name: `large ${label}: same optimum as HiGHS`,
      met: highs.objective === engine.totalPoints,
    });
    targets.push({
      name: `large ${label}: engine / HiGHS <= 0.1`,
      met: engine.solveMs / highs.cpuMs <= 0.1,
    });
  }
  // The WebAssembly HiGHS holds at most 2 GiB (its memory's declared maximum) and aborts on this
  // round; HiGHS's native build (the `highspy` wheel, 64-bit, one thread) on the same round file.
  let nativeCell = '-';
  let vsNative = '-';
  if (roundFile !== null && 'failed' in highs) {
    const native = nativeHighs(roundFile, options.highsLimitSeconds);
    if ('failed' in native) {
      nativeCell = `failed: ${native.failed}`;
      log(`native HiGHS could not run: ${native.failed}`);
    } else if (!native.finished) {
      nativeCell = `not finished after ${ms(native.cpuMs)} CPU (${native.status})`;
      vsNative = `< ${ratio(engine.solveMs / native.cpuMs)}`;
      targets.push({
        name: `large ${label}: engine / native HiGHS <= 0.1 (bound: HiGHS hit its time limit)`,
        met: engine.solveMs / native.cpuMs <= 0.1,
      });
    } else {
      nativeCell = `${ms(native.cpuMs)}, peak RSS ${(native.maxRssBytes / 2 ** 20).toFixed(0)} MiB`;
      vsNative = ratio(engine.solveMs / native.cpuMs);
      log(
        `native HiGHS run() ${ms(native.cpuMs)} CPU (${ms(native.solveMs)} wall), total ${native.objective}`,
      );
      targets.push({
        name: `large ${label}: same optimum as native HiGHS`,
        met: native.objective === engine.totalPoints,
      });
      targets.push({
        name: `large ${label}: engine / native HiGHS <= 0.1`,
        met: engine.solveMs / native.cpuMs <= 0.1,
      });
    }
  }
  targets.push({ name: `large ${label}: peak RSS < 2 GiB`, met: engine.maxRssBytes < 2 * GIB });

  let refused = false;
  try {
    assignOptimal({
      ...generateFamilyRound(family, { mentees: 1, mentors: 1 }, 1),
      menteeCount: MAX_ROUND_MENTEES + 1,
    });
  } catch (error) {
    refused = error instanceof MatchingInputError && error.code === 'round-too-large';
  }
  targets.push({ name: 'a round beyond the limits is refused with round-too-large', met: refused });
  printTable(
    [
      'round',
      'engine solve (one run)',
      'engine peak RSS (< 2 GiB)',
      'HiGHS run() (WebAssembly)',
      'engine / HiGHS (<= 0.1)',
      'native HiGHS run()',
      'engine / native HiGHS (<= 0.1)',
      'LEMON run()',
      `${MAX_ROUND_MENTEES + 1} mentees refused`,
    ],
    [
      [
        label,
        ms(engine.solveMs),
        `${(engine.maxRssBytes / 2 ** 20).toFixed(0)} MiB ${yesNo(engine.maxRssBytes < 2 * GIB)}`,
        highsCell,
        vsHighs,
        nativeCell,
        vsNative,
        lemonCell,
        yesNo(refused),
      ],
    ],
  );
}

interface NativeHighsRun extends HighsRun {
  status: string;
}

/** Runs bench/highs-native/solve.py (installing `highspy` with pip when it is missing). */
function nativeHighs(roundFile: string, limitSeconds: number): NativeHighsRun | { failed: string } {
  const script = join(__dirname, 'highs-native', 'solve.py');
  if (!existsSync(script)) return { failed: 'solve.py missing' };
  const probe = spawnSync('python3', ['-c', 'import highspy, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    log('highspy is missing: installing it with pip (benchmark only)');
    const install = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', 'highspy==1.15.1'], {
      stdio: 'inherit',
    });
    if (install.status !== 0) return { failed: 'could not install highspy' };
  }
  log(`native HiGHS (highspy, separate process, time limit ${limitSeconds} s) ...`);
  const run = spawnSync('python3', [script, roundFile, String(limitSeconds)], {
    encoding: 'utf8',
    timeout: (limitSeconds + 600) * 1000,
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0)
    return { failed: run.error?.message ?? (run.stderr.trim().split('\n').pop() || `exit ${run.status}`) };
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as NativeHighsRun;
}
