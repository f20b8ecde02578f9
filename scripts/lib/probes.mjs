// Probes for Postgres and Redis. Each answers one of three states:
//   'ready'   - we logged in and got an answer
//   'down'    - nothing answered (yet): starting or installing the service may help
//   'refused' - a server answered and said no (bad password, unknown role): starting
//               something else would not help, so the caller stops and says why
import pg from 'pg';
import { Redis } from 'ioredis';

const PROBE_TIMEOUT_MS = 3000;

// SQLSTATEs a server sends while it cannot take connections yet; wait, do not give up.
const NOT_YET_SQLSTATES = new Set([
  '57P03' /* cannot_connect_now: starting up */,
  '57P01' /* admin shutdown */,
]);

export async function probePostgres(url) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  // A server that drops the connection later must not crash the process as an unhandled 'error'.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { state: 'ready' };
  } catch (error) {
    // A five-character SQLSTATE means a Postgres server answered; anything else (ECONNREFUSED,
    // a timeout, a DNS failure) means nothing did.
    const answered = /^[0-9A-Z]{5}$/.test(error.code ?? '') && !NOT_YET_SQLSTATES.has(error.code);
    return { state: answered ? 'refused' : 'down', code: error.code, detail: error.message };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function probeRedis(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null, // one attempt per probe; waitFor() does the retrying
  });
  // With retries off, connect() rejects with a bare "Connection is closed"; the cause
  // (ECONNREFUSED, ...) arrives as an 'error' event, so keep it for the message.
  let cause;
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect();
    const pong = await redis.ping();
    return pong === 'PONG' ? { state: 'ready' } : { state: 'refused', detail: `PING answered ${pong}` };
  } catch (error) {
    const reported = cause ?? error;
    // Redis answers "LOADING" while it reads its data set back: not ready yet, not a refusal.
    const answered = reported.name === 'ReplyError' && !String(reported.message).startsWith('LOADING');
    return { state: answered ? 'refused' : 'down', code: reported.code, detail: reported.message };
  } finally {
    redis.disconnect();
  }
}

/**
 * The Redis's `maxmemory-policy` (from INFO, which managed services answer even where CONFIG is
 * off). The worker refuses any policy but noeviction: an evicted key is a lost job.
 */
export async function redisEvictionPolicy(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return /^maxmemory_policy:(\S+)/m.exec(await redis.info('memory'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

/** Polls `probe` until it stops answering 'down' or `timeoutMs` passes; returns the last answer. */
export async function waitFor(probe, { timeoutMs, intervalMs = 500 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result.state !== 'down' || Date.now() >= deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
