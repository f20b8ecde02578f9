import { forwardRef, Inject, Injectable, Type } from '@nestjs/common';
import type { JobDefinition, TenantJobPayload } from './job-definition';
import { HandlesJob, JobHandler, JobRun } from './job-handler';
import { HandlesSchedule, ScheduleDefinition, ScheduleHandler, ScheduleTick } from './schedule-definition';

/**
 * The handler of a job whose whole work is one call of its context's service in the payload's
 * tenant (most jobs: the service checks status and time, so the call is idempotent). A context
 * extends the class this returns and lists it as a provider:
 * `export class TrialDeadlineJob extends TenantJobCalling(trialDeadlineJob, () => TrialService, (trials, p) => trials.deadlineReached(p.matchId)) {}`.
 * `service` is a thunk (`forwardRef`) because the service's file usually imports the job's
 * definition, so the class may not exist yet when this file is read.
 */
export function TenantJobCalling<P extends TenantJobPayload, S>(
  job: JobDefinition<P>,
  service: () => Type<S>,
  call: (service: S, payload: P) => Promise<unknown>,
): Type<JobHandler<P>> {
  @Injectable()
  @HandlesJob(job)
  class ServiceCallJob implements JobHandler<P> {
    constructor(@Inject(forwardRef(service)) private readonly service: S) {}

    async handle(payload: P, run: JobRun): Promise<void> {
      await run.inTenant(() => call(this.service, payload));
    }
  }
  return ServiceCallJob;
}

/** The same for a schedule whose tick is one call of a service (given the tick). */
export function ScheduleCalling<S>(
  schedule: ScheduleDefinition,
  service: () => Type<S>,
  call: (service: S, tick: ScheduleTick) => Promise<unknown>,
): Type<ScheduleHandler> {
  @Injectable()
  @HandlesSchedule(schedule)
  class ServiceCallTick implements ScheduleHandler {
    constructor(@Inject(forwardRef(service)) private readonly service: S) {}

    async tick(tick: ScheduleTick): Promise<void> {
      await call(this.service, tick);
    }
  }
  return ServiceCallTick;
}
