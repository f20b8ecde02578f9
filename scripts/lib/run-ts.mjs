// Runs one of the project's TypeScript entry points with swc (path aliases from tsconfig.server.json).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function tsEnv(extra = {}) {
  return { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.server.json'), ...extra };
}

/** Starts `entry` (a .ts path relative to the repo root) and returns the child process. */
export function spawnTs(entry, { env = {}, stdio = 'inherit', args = [] } = {}) {
  return spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: tsEnv(env),
    stdio,
  });
}

/** Runs `entry` to completion; rejects on a non-zero exit. */
export function runTs(entry, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnTs(entry, options);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with ${code}`))));
  });
}
