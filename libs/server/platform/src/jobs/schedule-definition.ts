import { SetMetadata } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

export const SCHEDULE_HANDLER = 'mentorship:schedule-handler';

/** When a schedule ticks: every so many milliseconds, or a cron pattern (in a time zone). */
export type ScheduleRepeat = { every: number } | { pattern: string; tz?: string };

/**
 * A recurring tick a context declares in its registration (`schedules: [...]`), e.g. the daily
 * purge of deleted organizations or the reminders' "what is due" scan. The worker installs it
 * as a BullMQ job scheduler under its name, so however many workers run, Redis holds one
 * schedule and each tick is one job, taken by one worker. A tick names no organization: it
 * finds what is due across organizations and does each one's work in that organization's
 * tenant (or enqueues a tenant job per organization).
 */
export interface ScheduleDefinition {
  /** Unique across the product, kebab-case; the job scheduler's id and the tick jobs' name. */
  readonly name: string;
  /** The BullMQ queue its ticks run on (not the platform's own). */
  readonly queue: string;
  /** Read from the configuration at boot, so deployments (and tests) may change the cadence. */
  repeat(config: AppConfig): ScheduleRepeat;
}

export function defineSchedule(definition: ScheduleDefinition): ScheduleDefinition {
  return definition;
}

/** One tick as its handler sees it. */
export interface ScheduleTick {
  readonly schedule: string;
  /**
   * The instant the tick stands for (its slot in the schedule, not when a worker got to it):
   * handlers decide what is due by this, so a late or retried tick decides the same.
   */
  readonly at: Date;
  /** `<schedule>.<slot in ms>`: the same for every delivery of this tick. */
  readonly key: string;
}

/** The one provider that runs a schedule's ticks; it must be idempotent (a crashed tick runs again). */
export interface ScheduleHandler {
  tick(tick: ScheduleTick): Promise<void>;
}

export const HandlesSchedule = (schedule: ScheduleDefinition): ClassDecorator =>
  SetMetadata(SCHEDULE_HANDLER, schedule);
