// Small wrappers around child_process for the set-up scripts: arguments always go as an
// array (no shell), so nothing taken from a URL can be read as shell syntax.
import { spawnSync } from 'node:child_process';

export class CommandError extends Error {}

/** Runs a command with its output shown to the user; throws when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new CommandError(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new CommandError(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** Runs a command quietly; returns { ok, stdout, stderr } and never throws. */
export function capture(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  return {
    ok: !result.error && result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr || result.error?.message || '',
  };
}

/** Whether `command` is on PATH. */
export function commandExists(command) {
  return capture('sh', ['-c', 'command -v "$1"', 'sh', command]).ok;
}
