import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serviceUrls } from '@mentorship/testing';

export { freePort, waitFor } from '@mentorship/testing';
import { Client } from 'pg';

export const ROOT = join(__dirname, '../../..');

export const suffix = () => randomBytes(4).toString('hex');

/** Runs one of the project's scripts to completion, as a person would from the shell. */
export function runScript(
  script: string,
  env: Record<string, string>,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function startScript(script: string, env: Record<string, string>): Running {
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': 'exit' can come before the last output is read from the pipes.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** SQL as the superuser, in the maintenance database. */
export async function adminQuery<R extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: serviceUrls.admin });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function postgresUrl(user: string, password: string, database: string): string {
  const url = new URL(serviceUrls.admin);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}
