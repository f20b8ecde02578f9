import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { defineJob, HandlesJob, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
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
@Injectable()
@HandlesJob(trialHalfwayJob)
export class TrialHalfwayJob implements JobHandler<TrialPayload> {
  constructor(@Inject(forwardRef(() => TrialService)) private readonly trials: TrialService) {}

  async handle(payload: TrialPayload, run: JobRun): Promise<void> {
    await run.inTenant(() => this.trials.nudgeHalfway(payload.matchId));
  }
}

@Injectable()
@HandlesJob(trialDeadlineJob)
export class TrialDeadlineJob implements JobHandler<TrialPayload> {
  constructor(@Inject(forwardRef(() => TrialService)) private readonly trials: TrialService) {}

  async handle(payload: TrialPayload, run: JobRun): Promise<void> {
    await run.inTenant(() => this.trials.deadlineReached(payload.matchId));
  }
}
