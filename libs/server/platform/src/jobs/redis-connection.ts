import type { RedisOptions } from 'ioredis';

/**
 * BullMQ wants its own connections. A worker blocks on Redis and must wait out an outage
 * (`maxRetriesPerRequest: null`); a producer must fail at once instead, so a relay whose Redis
 * is down gives up and leaves its rows for the next attempt rather than hanging.
 */
export function redisConnectionOptions(
  redisUrl: string,
  role: 'worker' | 'producer' = 'worker',
): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    ...(role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
  };
}
