import { forwardRef, Inject, Injectable } from '@nestjs/common';
import {
  defineJob,
  defineSchedule,
  HandlesJob,
  HandlesSchedule,
  JobHandler,
  JobRun,
  ScheduleHandler,
  ScheduleTick,
  TenantJobPayload,
} from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { CohortEndService } from '../cohort-end.service';

export class CohortEndPayload extends TenantJobPayload {
  @IsUUID()
  cohortId!: string;
}

/** A cohort's last day has passed: its open matches complete (or, never started, are closed). */
export const cohortEndJob = defineJob({
  name: 'cohort-end',
  queue: 'reminders',
  payload: CohortEndPayload,
  key: (payload) => payload.cohortId,
});

/** Every hour, one tick for all workers: finds the cohorts that ended and enqueues their job. */
export const cohortEndScanSchedule = defineSchedule({
  name: 'cohort-end-scan',
  queue: 'maintenance',
  repeat: () => ({ every: 3600 * 1000 }),
});

/** Runs late or twice without harm: the service checks the cohort's end and each match's status. */
@Injectable()
@HandlesJob(cohortEndJob)
export class CohortEndJob implements JobHandler<CohortEndPayload> {
  constructor(@Inject(forwardRef(() => CohortEndService)) private readonly cohorts: CohortEndService) {}

  async handle(payload: CohortEndPayload, run: JobRun): Promise<void> {
    await run.inTenant(() => this.cohorts.closeMatches(payload.cohortId));
  }
}

@Injectable()
@HandlesSchedule(cohortEndScanSchedule)
export class CohortEndScanJob implements ScheduleHandler {
  constructor(@Inject(forwardRef(() => CohortEndService)) private readonly cohorts: CohortEndService) {}

  async tick(tick: ScheduleTick): Promise<void> {
    await this.cohorts.enqueueEnded(tick.at);
  }
}
