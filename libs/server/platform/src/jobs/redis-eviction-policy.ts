import type { Redis } from 'ioredis';

/** The only eviction policy under which BullMQ keeps every job: Redis refuses writes when full. */
export const REQUIRED_EVICTION_POLICY = 'noeviction';

/** Redis may drop keys when full: a worker on it would lose jobs (and reminders) silently. */
export class RedisEvictionPolicyError extends Error {}

/**
 * Refuses a Redis whose `maxmemory-policy` is not noeviction. Read from `INFO memory`, not
 * `CONFIG GET`: managed Redis services often disable CONFIG but always answer INFO.
 */
export async function assertNoEviction(client: Pick<Redis, 'info'>): Promise<void> {
  const info = await client.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
  if (policy === REQUIRED_EVICTION_POLICY) return;
  throw new RedisEvictionPolicyError(
    `Redis maxmemory-policy is ${policy ?? 'unknown'}; the worker needs maxmemory-policy ${REQUIRED_EVICTION_POLICY} ` +
      `(under any other policy a full Redis evicts queued jobs, and their reminders are lost). ` +
      `Set "maxmemory-policy ${REQUIRED_EVICTION_POLICY}" in redis.conf (or CONFIG SET maxmemory-policy ${REQUIRED_EVICTION_POLICY}).`,
  );
}
