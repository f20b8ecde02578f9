import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { AppConfig } from '../config/app-config';
import { rememberValidationMetadata } from '../errors/validation-metadata';
import { UnitOfWork } from '../database/repositories/unit-of-work';
import { TenantVersions } from '../redis/tenant-versions';
import { TenancyService } from '../tenancy/tenancy.service';
import { AccountJobPayload, jobKeyOf, TenantJobPayload } from './job-definition';
import { JobQueueService } from './job-queue.service';
import { JobRegistry, RegisteredJob, RegisteredSchedule } from './job-registry';
import { OutboxRelay } from './outbox/outbox-relay';
import { redisConnectionOptions } from './redis-connection';
import { assertNoEviction } from './redis-eviction-policy';
import { ScheduleRunRepository } from './schedule-run.repository';

/**
 * A job the worker refuses to run: unknown, without an organization (an account job: without
 * a user), or with a payload its job's class does not accept. It fails at once (no retry: it
 * would fail again the same way) and its handler never runs, so it writes nothing.
 */
export class RejectedJobError extends UnrecoverableError {}

/** A running job its worker stopped (it shuts down): the attempt fails and the queue runs it again. */
export class JobCancelledError extends Error {}

/**
 * The consumer side, started only by apps/worker: one BullMQ worker per queue, each job
 * validated, then dispatched to its one handler inside the tenant named by its payload (an
 * account job: in a transaction of its own, with no tenant); each schedule's tick to its handler.
 */
@Injectable()
export class JobWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkerService.name);
  private workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly tenancy: TenancyService,
    private readonly unitOfWork: UnitOfWork,
    private readonly relay: OutboxRelay,
    private readonly queues: JobQueueService,
    private readonly scheduleRuns: ScheduleRunRepository,
    private readonly versions: TenantVersions,
  ) {
    // Every job's payload is validated: its class's rules computed once, not per job.
    rememberValidationMetadata();
  }

  /**
   * Checks the handlers and that Redis never evicts (maxmemory-policy noeviction: an evicted key
   * is a lost job), installs every declared schedule (an upsert under the schedule's name:
   * one per Redis, whatever the number of workers), then starts consuming every queue a job or
   * a schedule runs on, and the outbox relay's schedule.
   */
  async start(): Promise<void> {
    this.registry.load();
    await this.checkEvictionPolicy();
    for (const { definition } of this.registry.allSchedules())
      await this.queues
        .queue(definition.queue)
        .upsertJobScheduler(definition.name, definition.repeat(this.config), {
          name: definition.name,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        });
    // Listeners go on each worker as it is made: one made before an await below could otherwise
    // report a connection error with no listener, which ends the process.
    for (const queue of this.registry.queues())
      this.watch(
        // Three parameters: BullMQ then hands each job an AbortSignal (cancelAllJobs at shutdown).
        new Worker(queue, (job, _token, signal) => this.process(job, signal), {
          connection: redisConnectionOptions(this.config.redisUrl),
          prefix: this.config.redisPrefix,
          concurrency: 4,
          // A killed worker's jobs go back to the queue once their lock expires unrenewed.
          lockDuration: this.config.jobLockMs,
          stalledInterval: this.config.jobLockMs,
        }),
      );
    this.watch(await this.relay.schedule());
    // Started means consuming: every worker's connections are up (and a shutdown right after
    // does not close a connection BullMQ is still setting up, which it reports as unhandled).
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  /** On a connection of its own, closed right after: the check must not outlive a refused boot. */
  private async checkEvictionPolicy(): Promise<void> {
    const redis = new Redis({
      ...redisConnectionOptions(this.config.redisUrl, 'producer'),
      lazyConnect: true,
    });
    redis.on('error', () => undefined); // connect() rejects with the cause
    try {
      await redis.connect();
      await assertNoEviction(redis);
    } finally {
      redis.disconnect();
    }
  }

  private watch(worker: Worker): void {
    this.workers.push(worker);
    worker.on('failed', (job, error) => {
      this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`);
      // finishedOn: no attempt is left (a retry moves the job back to the queue instead).
      if (job?.finishedOn && !(error instanceof RejectedJobError))
        void this.failedForGood(job, error).catch((hookError: unknown) =>
          this.logger.error(`job ${job.name} ${job.id}: its failure hook failed: ${String(hookError)}`),
        );
    });
    // Redis going away: BullMQ reconnects by itself; say so in the log, not on stderr.
    worker.on('error', (error) => this.logger.warn(`queue ${worker.name}: ${error.message}`));
  }

  async process(job: Job<unknown>, signal?: AbortSignal): Promise<void> {
    const schedule = this.registry.scheduleOf(job.name);
    if (schedule) return this.tick(schedule, job);
    const { registered, payload } = await this.validated(job);
    await this.dispatch(registered, payload, job, signal);
  }

  /**
   * A tenant job that failed for good reaches its handler's `failed` hook, in its tenant: also one
   * that stalled too often, whose handler BullMQ never ran for that last failure.
   */
  private async failedForGood(job: Job<unknown>, error: Error): Promise<void> {
    // Schedules' ticks and the relay's own jobs have no hook; an invalid job was rejected, not run.
    if (this.registry.scheduleOf(job.name) || !this.registry.jobOf(job.name)) return;
    const { registered, payload } = await this.validated(job);
    if (isAccountJob(registered)) return;
    const { definition, handler } = registered as Exclude<RegisteredJob, { definition: { lane: 'account' } }>;
    if (!handler.failed) return;
    const tenant = payload as TenantJobPayload;
    await handler.failed(
      tenant,
      {
        jobId: job.id ?? '',
        attemptsMade: job.attemptsMade,
        key: jobKeyOf(definition, tenant),
        inTenant: (work) => this.inTenant(tenant.organizationId, work),
      },
      error,
    );
  }

  /** The job's one handler and its payload, checked; a RejectedJobError otherwise. */
  private async validated(job: Job<unknown>): Promise<{ registered: RegisteredJob; payload: object }> {
    const label = `job ${job.name} ${job.id}`;
    const registered = this.registry.jobOf(job.name);
    if (!registered) throw new RejectedJobError(`${label} is not a declared job`);
    const data = job.data as Partial<TenantJobPayload & AccountJobPayload> | undefined;
    if (registered.definition.lane === 'account') {
      if (typeof data?.userId !== 'string') throw new RejectedJobError(`${label} names no user`);
    } else if (typeof data?.organizationId !== 'string') {
      throw new RejectedJobError(`${label} names no organization`);
    }
    const payload = plainToInstance(registered.definition.payload as never, job.data) as object;
    const errors = await validate(payload, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length > 0)
      throw new RejectedJobError(`${label} has an invalid payload: ${describe(errors).join('; ')}`);
    return { registered, payload };
  }

  private async dispatch(
    registered: RegisteredJob,
    payload: object,
    job: Job<unknown>,
    signal?: AbortSignal,
  ): Promise<void> {
    const identity = { jobId: job.id ?? '', attemptsMade: job.attemptsMade, signal: withErrorReason(signal) };
    if (isAccountJob(registered)) {
      const account = payload as AccountJobPayload;
      return registered.handler.handle(account, {
        ...identity,
        key: jobKeyOf(registered.definition, account),
        inTransaction: (work) => this.unitOfWork.run(work),
      });
    }
    const tenant = payload as TenantJobPayload;
    const { definition, handler } = registered as Exclude<RegisteredJob, { definition: { lane: 'account' } }>;
    return handler.handle(tenant, {
      ...identity,
      key: jobKeyOf(definition, tenant),
      inTenant: (work) => this.inTenant(tenant.organizationId, work),
    });
  }

  /**
   * A tenant job's transaction, then the organization's change version bumped (`TenantVersions`):
   * a job may write what caches of tenant reads keep (a request expired, a round published).
   */
  private async inTenant<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await this.tenancy.runJobInTenant(organizationId, work);
    } finally {
      await this.versions.bump(organizationId);
    }
  }

  /** A schedule's tick: logged (schedule_runs), then handed to its handler with its slot's instant. */
  private async tick(schedule: RegisteredSchedule, job: Job<unknown>): Promise<void> {
    const at = new Date(tickSlot(job));
    const tick = {
      schedule: schedule.definition.name,
      at,
      key: `${schedule.definition.name}.${at.getTime()}`,
    };
    await this.scheduleRuns.record(tick.schedule, at, job.attemptsMade);
    await schedule.handler.tick(tick);
  }

  /**
   * Graceful: running jobs are told to stop (their run's signal aborts; a handler that listens, as
   * a round's solve does, throws and the queue runs the job again, elsewhere), the rest finish.
   */
  async onApplicationShutdown(): Promise<void> {
    for (const worker of this.workers) worker.cancelAllJobs('the worker is shutting down');
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/**
 * The instant a scheduler's job stands for: BullMQ ids them `repeat:<scheduler>:<slot ms>`;
 * otherwise (a tick added by hand) when it was due.
 */
export function tickSlot(job: Pick<Job, 'id' | 'timestamp' | 'delay'>): number {
  const slot = /^repeat:.+:(\d+)$/.exec(job.id ?? '')?.[1];
  return slot ? Number(slot) : job.timestamp + (job.delay ?? 0);
}

/**
 * BullMQ aborts with its reason, a string; a handler that stops on the signal throws its reason,
 * so it becomes an Error (a message in the job's failure and the logs).
 */
function withErrorReason(signal: AbortSignal | undefined): AbortSignal | undefined {
  if (!signal) return undefined;
  const controller = new AbortController();
  const forward = () => controller.abort(new JobCancelledError(`job cancelled: ${String(signal.reason)}`));
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  return controller.signal;
}

function isAccountJob(
  registered: RegisteredJob,
): registered is Extract<RegisteredJob, { definition: { lane: 'account' } }> {
  return registered.definition.lane === 'account';
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}),
    ...describe(error.children ?? []),
  ]);
}
