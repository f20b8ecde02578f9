import { Injectable, Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JOB_OPTIONS, JobQueueService } from '../job-queue.service';
import { redisConnectionOptions } from '../redis-connection';

/** The platform's own queue, where the relay's schedule runs (no context may declare it). */
export const OUTBOX_RELAY_QUEUE = 'platform-outbox';
/** How often the scheduled relay looks for rows that no nudge moved (Redis was down, a crash). */
export const OUTBOX_RELAY_EVERY_MS = 5000;
/** A relay that cannot reach Redis within this gives up; its rows wait for the next attempt. */
const REDIS_WAIT_MS = 2000;
const BATCH_SIZE = 100;

interface OutboxRow {
  job_key: string;
  job_name: string;
  queue: string;
  payload: Record<string, unknown>;
  /** Milliseconds until the row's `run_at` (0 for none or past). */
  delay_ms: number;
}

export class RedisUnreachableError extends Error {}

/**
 * Moves outbox rows to BullMQ. Each batch is one transaction: rows are taken with
 * `FOR UPDATE SKIP LOCKED` (so relays running at once never take the same row), added to
 * BullMQ under their job key, and deleted only if that worked. A failure rolls the batch back,
 * so a committed job is never lost; a crash between add and commit relays a row again, which
 * BullMQ ignores (same job id) and the handler's idempotency key absorbs.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  /** Relays everything waiting; returns the job keys this relay moved. */
  async relayPending(batchSize = BATCH_SIZE): Promise<string[]> {
    const relayed: string[] = [];
    for (;;) {
      const batch = await this.dataSource.transaction((manager) => this.relayBatch(manager, batchSize));
      relayed.push(...batch);
      if (batch.length < batchSize) return relayed;
    }
  }

  /** Right after a commit that recorded jobs: relay now, or leave it to the schedule. */
  async nudge(): Promise<void> {
    try {
      await this.relayPending();
    } catch (error) {
      this.logger.warn(`outbox relay deferred to its schedule: ${String(error)}`);
    }
  }

  /** Installs the schedule (once per Redis, whatever the number of workers) and consumes it. */
  async schedule(): Promise<Worker> {
    await this.queues
      .queue(OUTBOX_RELAY_QUEUE)
      .upsertJobScheduler(
        'outbox-relay',
        { every: OUTBOX_RELAY_EVERY_MS },
        { name: 'relay', opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
      );
    return new Worker(OUTBOX_RELAY_QUEUE, async () => void (await this.relayPending()), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.redisPrefix,
      concurrency: 1,
    });
  }

  private async relayBatch(manager: EntityManager, batchSize: number): Promise<string[]> {
    await manager.query(`select set_config('app.outbox_relay', 'on', true)`);
    const [rows]: [OutboxRow[], number] = await manager.query(
      `DELETE FROM job_outbox WHERE (organization_id, id) IN (
         SELECT organization_id, id FROM job_outbox ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING job_key, job_name, queue, payload,
                 greatest(0, coalesce(extract(epoch FROM run_at - now()) * 1000, 0))::float8 AS delay_ms`,
      [batchSize],
    );
    for (const [queueName, jobs] of groupBy(rows, (row) => row.queue)) {
      const queue = await this.reachable(this.queues.queue(queueName));
      await queue.addBulk(
        jobs.map((row) => ({
          name: row.job_name,
          data: row.payload,
          opts: {
            ...JOB_OPTIONS,
            jobId: row.job_key,
            ...(row.delay_ms > 0 ? { delay: Math.ceil(row.delay_ms) } : {}),
          },
        })),
      );
    }
    return rows.map((row) => row.job_key);
  }

  /** The queue once its connection is up: a Queue made while Redis is down would wait forever. */
  private async reachable(queue: Queue): Promise<Queue> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisUnreachableError('Redis did not answer')), REDIS_WAIT_MS);
    });
    try {
      const client = await Promise.race([queue.client, timeout]);
      if (client.status !== 'ready') throw new RedisUnreachableError(`Redis connection is ${client.status}`);
      return queue;
    } finally {
      clearTimeout(timer);
    }
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
