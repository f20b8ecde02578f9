import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { TenancyService } from '../tenancy/tenancy.service';
import { JobRegistry } from './job-registry';
import { QueueName, TenantJobPayload } from './job-names';
import { redisConnectionOptions } from './redis-connection';

/**
 * The consumer side, started only by apps/worker: one BullMQ worker per queue, each job
 * dispatched to its one handler inside the tenant named by its payload.
 */
@Injectable()
export class JobWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkerService.name);
  private workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly tenancy: TenancyService,
  ) {}

  /** Checks the handlers, then starts consuming; resolves once every queue's connection is up. */
  async start(queues: QueueName[] = Object.values(QueueName)): Promise<void> {
    this.registry.load();
    this.workers = queues.map(
      (queue) =>
        new Worker(queue, (job) => this.process(job), {
          connection: redisConnectionOptions(this.config.redisUrl),
          prefix: this.config.redisPrefix,
          concurrency: 4,
        }),
    );
    for (const worker of this.workers) {
      worker.on('failed', (job, error) =>
        this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`),
      );
    }
  }

  async process(job: Job<TenantJobPayload>): Promise<void> {
    const handler = this.registry.handlerOf(job.name);
    const organizationId = job.data?.organizationId;
    if (typeof organizationId !== 'string')
      throw new Error(`job ${job.name} ${job.id} names no organization`);
    await handler.handle(job.data, {
      jobId: job.id ?? '',
      attemptsMade: job.attemptsMade,
      inTenant: (work) => this.tenancy.runInTenant(organizationId, work),
    });
  }

  /** Graceful: let running jobs finish; an unfinished job's lock expires and another worker takes it. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
