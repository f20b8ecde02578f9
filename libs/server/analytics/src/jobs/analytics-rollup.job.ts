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
import { IsISO8601, IsUUID, Length } from 'class-validator';
import { NightlyRollupService } from '../nightly-rollup.service';
import { RollupRunsService } from '../rollup-runs.service';

export class NightlyRollupPayload extends TenantJobPayload {
  /** The day whose night is over (YYYY-MM-DD in the organization's zone). */
  @IsISO8601({ strict: true })
  @Length(10, 10)
  day!: string;
}

export class RollupRerunPayload extends TenantJobPayload {
  @IsUUID()
  runId!: string;
}

/** One organization's night: the day that ended, and the days before it (late data). */
export const nightlyRollupJob = defineJob({
  name: 'analytics-nightly-rollup',
  queue: 'analytics',
  payload: NightlyRollupPayload,
  key: (payload) => payload.day,
});

/** A range of days an admin asked to be rolled up again. */
export const rollupRerunJob = defineJob({
  name: 'analytics-rollup-rerun',
  queue: 'analytics',
  payload: RollupRerunPayload,
  key: (payload) => payload.runId,
});

/**
 * Every `ANALYTICS_ROLLUP_EVERY_SECONDS` (an hour by default), one tick for all workers: it claims
 * each organization's night that is over in its zone and is not claimed yet, and enqueues its job.
 */
export const analyticsNightlySchedule = defineSchedule({
  name: 'analytics-nightly',
  queue: 'analytics',
  repeat: (config) => ({ every: config.analyticsRollupEverySeconds * 1000 }),
});

@Injectable()
@HandlesSchedule(analyticsNightlySchedule)
export class AnalyticsNightlyTick implements ScheduleHandler {
  constructor(
    @Inject(forwardRef(() => NightlyRollupService)) private readonly nightly: NightlyRollupService,
  ) {}

  async tick(tick: ScheduleTick): Promise<void> {
    await this.nightly.claimNightsOver(tick.at);
  }
}

/** Runs twice without harm: a rollup is upserts, and the claim already says the night is taken. */
@Injectable()
@HandlesJob(nightlyRollupJob)
export class NightlyRollupJob implements JobHandler<NightlyRollupPayload> {
  constructor(
    @Inject(forwardRef(() => NightlyRollupService)) private readonly nightly: NightlyRollupService,
  ) {}

  async handle(payload: NightlyRollupPayload, run: JobRun): Promise<void> {
    await run.inTenant(() => this.nightly.rollUpNight(payload.day));
  }
}

@Injectable()
@HandlesJob(rollupRerunJob)
export class RollupRerunJob implements JobHandler<RollupRerunPayload> {
  constructor(@Inject(forwardRef(() => RollupRunsService)) private readonly reruns: RollupRunsService) {}

  async handle(payload: RollupRerunPayload, run: JobRun): Promise<void> {
    await run.inTenant(() => this.reruns.run(payload.runId));
  }
}
