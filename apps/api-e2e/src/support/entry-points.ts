import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * Bounds for tests that start real processes, not expectations: an entry point boots in seconds
 * on a quiet machine, but CI runs these files beside browser tests and builds, where a cold node
 * start (compiling TypeScript on the way, for the source entry points) has taken most of a
 * minute. `BOOT_WAIT_MS` is the wait for a process to be ready; `PROCESS_TEST_TIMEOUT_MS` the
 * Jest timeout of a test that starts some.
 */
export const BOOT_WAIT_MS = 120_000;
export const PROCESS_TEST_TIMEOUT_MS = 300_000;

export interface RunningEntryPoint {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/** Starts one of the real entry points (apps/api, apps/worker) as its own process, as production does. */
export function startEntryPoint(entry: string, env: Record<string, string>): RunningEntryPoint {
  return startNode(['-r', '@swc-node/register', entry], { SWC_NODE_PROJECT: 'tsconfig.server.json', ...env });
}

/** Runs `node <args>` from the repository root, collecting its output. */
export function startNode(args: string[], env: Record<string, string>): RunningEntryPoint {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': 'exit' can come before the last output is read from the pipes
  // (CI missed a final "shutdown complete" line that way).
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/**
 * A real worker process (apps/worker) on a test system's database, Redis namespace and token
 * secret, logging at info (specs wait for its "worker started"); `env` adds to or overrides that,
 * e.g. its own `SMTP_URL` or a shorter `JOB_LOCK_MS`.
 */
export function startWorkerProcess(
  services: {
    db: { appUrl: string };
    config: { redisUrl: string; redisPrefix: string; tokenSecret: string };
  },
  env: Record<string, string> & { SMTP_URL: string },
): RunningEntryPoint {
  return startEntryPoint('apps/worker/src/main.ts', {
    DATABASE_URL: services.db.appUrl,
    REDIS_URL: services.config.redisUrl,
    REDIS_PREFIX: services.config.redisPrefix,
    TOKEN_SECRET: services.config.tokenSecret,
    LOG_LEVEL: 'info',
    ...env,
  });
}

/**
 * Runs `work` while the process is up, then asks it to stop (SIGTERM) and expects the graceful
 * shutdown's last line; the process is killed outright whatever happened.
 */
export async function expectGracefulStop(
  running: RunningEntryPoint,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
    running.child.kill('SIGTERM');
    await running.exited;
    expect(running.output()).toContain('shutdown complete after SIGTERM');
  } finally {
    running.child.kill('SIGKILL');
  }
}

/** Kills worker processes outright (SIGKILL) and waits for each to be gone. */
export async function killProcesses(running: Iterable<RunningEntryPoint | undefined>): Promise<void> {
  for (const process of running) {
    process?.child.kill('SIGKILL');
    await process?.exited;
  }
}
