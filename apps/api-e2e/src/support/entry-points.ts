import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

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
