import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { defineJob, HandlesJob, IsIntIn, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { FeedbackService } from '../feedback.service';

export class PulseDuePayload extends TenantJobPayload {
  @IsUUID()
  matchId!: string;

  /** The pulse period that opens (0 from the mentorship's start). */
  @IsIntIn({ min: 0, max: 10_000 })
  period!: number;
}

/**
 * A pulse period of an active match opens: each side that has not answered it is reminded, and
 * the next period's job is recorded, so the reminders follow the match until it ends.
 */
export const pulseDueJob = defineJob({
  name: 'pulse-due',
  queue: 'reminders',
  payload: PulseDuePayload,
  key: (payload) => `${payload.matchId}.${payload.period}`,
});

/**
 * Runs late or twice without harm: the match's status is checked, each reminder has its key. The
 * service is looked up when the job runs: it imports this file for the job's definition, and a
 * constructor parameter of its class would be read before that class exists.
 */
@Injectable()
@HandlesJob(pulseDueJob)
export class PulseDueJob implements JobHandler<PulseDuePayload> {
  constructor(private readonly moduleRef: ModuleRef) {}

  async handle(payload: PulseDuePayload, run: JobRun): Promise<void> {
    const feedback = this.moduleRef.get(FeedbackService, { strict: false });
    await run.inTenant(() => feedback.remindOfPulse(payload.matchId, payload.period));
  }
}
