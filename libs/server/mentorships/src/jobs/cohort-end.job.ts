import {
  defineJob,
  defineSchedule,
  ScheduleCalling,
  TenantJobCalling,
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
export class CohortEndJob extends TenantJobCalling(
  cohortEndJob,
  () => CohortEndService,
  (cohorts, payload) => cohorts.closeMatches(payload.cohortId),
) {}

export class CohortEndScanJob extends ScheduleCalling(
  cohortEndScanSchedule,
  () => CohortEndService,
  (cohorts, tick) => cohorts.enqueueEnded(tick.at),
) {}
