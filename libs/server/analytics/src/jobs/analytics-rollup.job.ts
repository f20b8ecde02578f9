import {
  defineJob,
  defineSchedule,
  ScheduleCalling,
  TenantJobCalling,
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

export class AnalyticsNightlyTick extends ScheduleCalling(
  analyticsNightlySchedule,
  () => NightlyRollupService,
  (nightly, tick) => nightly.claimNightsOver(tick.at),
) {}

/** Runs twice without harm: a rollup is upserts, and the claim already says the night is taken. */
export class NightlyRollupJob extends TenantJobCalling(
  nightlyRollupJob,
  () => NightlyRollupService,
  (nightly, payload) => nightly.rollUpNight(payload.day),
) {}

export class RollupRerunJob extends TenantJobCalling(
  rollupRerunJob,
  () => RollupRunsService,
  (reruns, payload) => reruns.run(payload.runId),
) {}
