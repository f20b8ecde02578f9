/*
 * The benchmarks' two load generators, each in a child process of its own (so the load does not
 * share the measured API's event loop, nor this script's), with one result shape:
 *
 *   closedLoop — autocannon (scripts/lib/autocannon-run.mjs): `connections` requests always in
 *                flight; its throughput is the saturation figure.
 *   openLoop   — scripts/lib/open-loop-load.mjs: requests due at an even rate whatever the server
 *                does, latency counted from when each was due; its p99 is the latency figure.
 *                (autocannon's --overallRate sends each second's budget in one burst, so its p99
 *                measures the burst's queue: not used for latency.)
 *
 * `tokens`: one bearer token for every request, or a file of tokens, one a line, each request
 * taking the next (many users asking at once).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

export interface LoadResult {
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { total: number; average: number };
  /** Answers other than 2xx (the open loop counts connection errors here too). */
  non2xx: number;
  errors: number;
  /** The open loop's own event-loop delay (ms), part of every latency it measures. */
  generatorDelay?: { p99: number; max: number };
}

export type Tokens = { token: string } | { tokenFile: string } | null;

export async function closedLoop(options: {
  url: string;
  connections: number;
  seconds: number;
  tokens?: Tokens;
}): Promise<LoadResult> {
  const tokens = options.tokens ?? null;
  const result = await runChild<LoadResult>('scripts/lib/autocannon-run.mjs', [
    JSON.stringify({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      ...(tokens && 'token' in tokens ? { token: tokens.token } : {}),
      ...(tokens && 'tokenFile' in tokens ? { tokens: tokens.tokenFile } : {}),
    }),
  ]);
  return result;
}

export async function openLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  tokens?: Tokens;
}): Promise<LoadResult> {
  const tokens = options.tokens ?? null;
  const found = await runChild<{
    sent: number;
    ok: number;
    errors: number;
    latency: LoadResult['latency'];
    generatorDelay?: LoadResult['generatorDelay'];
  }>('scripts/lib/open-loop-load.mjs', [
    options.url,
    String(Math.max(1, options.rate)),
    String(options.seconds),
    String(options.connections),
    ...(tokens && 'token' in tokens ? [tokens.token] : []),
    ...(tokens && 'tokenFile' in tokens ? [`@${tokens.tokenFile}`] : []),
  ]);
  return {
    latency: found.latency,
    requests: { total: found.sent, average: found.ok / options.seconds },
    non2xx: found.errors,
    errors: 0,
    generatorDelay: found.generatorDelay,
  };
}

/** A load script in a child node process; its one JSON report, parsed. */
function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // Not the ts runner's hooks: the load scripts are plain ESM.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(output) as T);
      } catch (error) {
        reject(error);
      }
    });
  });
}
