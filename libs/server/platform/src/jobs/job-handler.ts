import { SetMetadata } from '@nestjs/common';
import type { JobDefinition, TenantJobPayload } from './job-definition';

export const JOB_HANDLER = 'mentorship:job-handler';

/** What the worker gives a handler: the job's identity and its tenant, restored from the payload. */
export interface JobRun {
  jobId: string;
  /** The job's key (`jobKeyOf`): claim it in Postgres to make a side effect happen once. */
  key: string;
  attemptsMade: number;
  /**
   * Runs `work` in one transaction of the payload's organization. A handler may use several,
   * e.g. to commit an idempotency claim before a side effect outside the database.
   */
  inTenant<T>(work: () => Promise<T>): Promise<T>;
}

/** A provider that handles one job; its payload has been validated against the job's class. */
export interface JobHandler<P extends TenantJobPayload = TenantJobPayload> {
  handle(payload: P, run: JobRun): Promise<void>;
}

export const HandlesJob = <P extends TenantJobPayload>(job: JobDefinition<P>) =>
  SetMetadata(JOB_HANDLER, job);
