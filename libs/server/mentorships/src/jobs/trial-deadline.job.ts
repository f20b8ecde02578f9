import { defineJob, TenantJobCalling, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { TrialService } from '../trial.service';

export class TrialPayload extends TenantJobPayload {
  @IsUUID()
  matchId!: string;
}

/** Halfway through a trial: both sides are nudged to have their first conversations. */
export const trialHalfwayJob = defineJob({
  name: 'trial-halfway',
  queue: 'reminders',
  payload: TrialPayload,
  key: (payload) => payload.matchId,
});

/** A grace period after the trial's end: sides that did not answer take the program's default. */
export const trialDeadlineJob = defineJob({
  name: 'trial-deadline',
  queue: 'reminders',
  payload: TrialPayload,
  key: (payload) => payload.matchId,
});

/** Both run late or twice without harm: the service checks the time and the match's status. */
export class TrialHalfwayJob extends TenantJobCalling(
  trialHalfwayJob,
  () => TrialService,
  (trials, payload) => trials.nudgeHalfway(payload.matchId),
) {}

export class TrialDeadlineJob extends TenantJobCalling(
  trialDeadlineJob,
  () => TrialService,
  (trials, payload) => trials.deadlineReached(payload.matchId),
) {}
