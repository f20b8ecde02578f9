import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { AppConfig } from '../config/app-config';
import { TenancyService } from '../tenancy/tenancy.service';
import { jobKeyOf, TenantJobPayload } from './job-definition';
import { JobRegistry } from './job-registry';
import { OutboxRelay } from './outbox/outbox-relay';
import { redisConnectionOptions } from './redis-connection';

/**
 * A job the worker refuses to run: unknown, without an organization, or with a payload its
 * job's class does not accept. It fails at once (no retry: it would fail again the same way)
 * and its handler never runs, so it writes nothing.
 */
export class RejectedJobError extends UnrecoverableError {}

/**
 * The consumer side, started only by apps/worker: one BullMQ worker per queue, each job
 * validated, then dispatched to its one handler inside the tenant named by its payload.
 */
@Injectable()
export class JobWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkerService.name);
  private workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly tenancy: TenancyService,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Checks the handlers, then starts consuming every queue a declared job runs on, and the
   * outbox relay's schedule.
   */
  async start(): Promise<void> {
    this.registry.load();
    const jobWorkers = this.registry.queues().map(
      (queue) =>
        new Worker(queue, (job) => this.process(job), {
          connection: redisConnectionOptions(this.config.redisUrl),
          prefix: this.config.redisPrefix,
          concurrency: 4,
        }),
    );
    this.workers = [...jobWorkers, await this.relay.schedule()];
    for (const worker of this.workers) {
      worker.on('failed', (job, error) =>
        this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`),
      );
      // Redis going away: BullMQ reconnects by itself; say so in the log, not on stderr.
      worker.on('error', (error) => this.logger.warn(`queue ${worker.name}: ${error.message}`));
    }
  }

  async process(job: Job<unknown>): Promise<void> {
    const label = `job ${job.name} ${job.id}`;
    const registered = this.registry.jobOf(job.name);
    if (!registered) throw new RejectedJobError(`${label} is not a declared job`);
    const organizationId = (job.data as Partial<TenantJobPayload> | undefined)?.organizationId;
    if (typeof organizationId !== 'string') throw new RejectedJobError(`${label} names no organization`);
    const payload = plainToInstance(registered.definition.payload, job.data);
    const errors = await validate(payload, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length > 0)
      throw new RejectedJobError(`${label} has an invalid payload: ${describe(errors).join('; ')}`);
    await registered.handler.handle(payload, {
      jobId: job.id ?? '',
      key: jobKeyOf(registered.definition, payload),
      attemptsMade: job.attemptsMade,
      inTenant: (work) => this.tenancy.runInTenant(payload.organizationId, work),
    });
  }

  /** Graceful: let running jobs finish; an unfinished job's lock expires and another worker takes it. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}),
    ...describe(error.children ?? []),
  ]);
}
