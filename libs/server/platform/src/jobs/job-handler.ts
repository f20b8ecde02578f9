import { SetMetadata } from '@nestjs/common';
import type {
  AccountJobDefinition,
  AccountJobPayload,
  DeclaredJob,
  JobDefinition,
  TenantJobPayload,
} from './job-definition';

export const JOB_HANDLER = 'mentorship:job-handler';

/** What every run knows: the job's identity and its key. */
interface JobRunIdentity {
  jobId: string;
  /** The job's key (`jobKeyOf`): claim it in Postgres to make a side effect happen once. */
  key: string;
  attemptsMade: number;
  /**
   * Aborted when the worker shuts down: a long handler (a solve) stops and throws, the queue runs
   * the job again elsewhere. Absent where a handler is called outside the worker (tests).
   */
  signal?: AbortSignal;
}

/** What the worker gives a handler: the job's identity and its tenant, restored from the payload. */
export interface JobRun extends JobRunIdentity {
  /**
   * Runs `work` in one transaction of the payload's organization. A handler may use several,
   * e.g. to commit an idempotency claim before a side effect outside the database.
   */
  inTenant<T>(work: () => Promise<T>): Promise<T>;
}

/** What an account job's handler gets: no tenant, only transactions over global tables. */
export interface AccountJobRun extends JobRunIdentity {
  /** Runs `work` in one transaction (`UnitOfWork`); tenant tables stay out of reach. */
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/** A provider that handles one job; its payload has been validated against the job's class. */
export interface JobHandler<P extends TenantJobPayload = TenantJobPayload> {
  handle(payload: P, run: JobRun): Promise<void>;
  /**
   * Called once the job has failed for good: its last attempt threw, or it stalled more often than
   * the queue allows (a worker killed mid-run, again and again), when `handle` never hears of it.
   * Put the job's record into a final state here (idempotent: each worker that sees it may call).
   */
  failed?(payload: P, run: JobRun, error: Error): Promise<void>;
}

export interface AccountJobHandler<P extends AccountJobPayload = AccountJobPayload> {
  handle(payload: P, run: AccountJobRun): Promise<void>;
}

export function HandlesJob<P extends TenantJobPayload>(job: JobDefinition<P>): ClassDecorator;
export function HandlesJob<P extends AccountJobPayload>(job: AccountJobDefinition<P>): ClassDecorator;
export function HandlesJob(job: DeclaredJob): ClassDecorator {
  return SetMetadata(JOB_HANDLER, job);
}
