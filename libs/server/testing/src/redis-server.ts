import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, waitFor } from './waiting';

/** A Redis of the test's own, to stop and start at will (never the shared one). */
export interface RedisServer {
  url: string;
  /** Stops the server (SIGTERM); its data stays on disk. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with its data. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  close(): Promise<void>;
}

/**
 * `redis-server` (REDIS_SERVER, default from PATH) on a free localhost port, with an
 * append-only file fsynced on every write, so a restart keeps what BullMQ stored (as a
 * production Redis with persistence would). `settings` go on its command line as they are
 * (`['--maxmemory-policy', 'allkeys-lru']`), after the defaults, so they win.
 */
export async function startRedisServer(settings: readonly string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mm-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const answers = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const start = async () => {
    const binary = process.env['REDIS_SERVER'] || 'redis-server';
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
    child = spawn(binary, [...args, '--appendonly', 'yes', '--appendfsync', 'always', ...settings], {
      stdio: 'ignore',
    });
    const failed = new Promise<never>((_, reject) =>
      child?.once('error', (error) =>
        reject(
          new Error(
            `cannot run ${binary} (apt-get install redis-server, or set REDIS_SERVER): ${error.message}`,
          ),
        ),
      ),
    );
    failed.catch(() => undefined);
    await Promise.race([waitFor(answers, `redis-server on port ${port}`), failed]);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
