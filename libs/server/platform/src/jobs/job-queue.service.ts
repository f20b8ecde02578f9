import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JobDefinition, jobKeyOf, TenantJobPayload } from './job-definition';
import { redisConnectionOptions } from './redis-connection';

/** Retries and retention, the same for every job. */
export const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * The producer side. Typed end to end: `enqueue(job, payload)` takes that job's payload and
 * no other. The job's key (`jobKeyOf`) is its BullMQ id.
 */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly config: AppConfig) {}

  async enqueue<P extends TenantJobPayload>(job: JobDefinition<P>, payload: NoInfer<P>): Promise<void> {
    await this.queue(job.queue).add(job.name, payload, { ...JOB_OPTIONS, jobId: jobKeyOf(job, payload) });
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisConnectionOptions(this.config.redisUrl),
        prefix: this.config.redisPrefix,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
