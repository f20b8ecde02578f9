import { Injectable } from '@nestjs/common';
import { Clock } from '@mentorship/platform';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';
import { CohortDayRepository } from './repositories/cohort-day.repository';
import { ExitDayRepository } from './repositories/exit-day.repository';
import { MembershipOutcomeRepository } from './repositories/membership-outcome.repository';
import { RetentionRepository } from './repositories/retention.repository';
import { RollupRunRepository } from './repositories/rollup-run.repository';
import { RollupStepsRepository } from './repositories/rollup-steps.repository';
import { TimeToMatchDayRepository } from './repositories/time-to-match-day.repository';
import { UtilizationDayRepository } from './repositories/utilization-day.repository';

/**
 * Rolls a range of days up into every fact table, in the tenant's one transaction: each table's
 * rows of the range are upserted from the source tables and its rows the sources no longer
 * support are deleted, so a range rolled up twice gives the same rows, and a range rolled up
 * again after late data (a back-dated check-in) gives what a first rollup would have.
 */
@Injectable()
export class RollupService {
  constructor(
    private readonly clock: Clock,
    private readonly settings: AnalyticsSettingsRepository,
    private readonly runs: RollupRunRepository,
    private readonly steps: RollupStepsRepository,
    private readonly cohortDays: CohortDayRepository,
    private readonly timeToMatch: TimeToMatchDayRepository,
    private readonly utilization: UtilizationDayRepository,
    private readonly exits: ExitDayRepository,
    private readonly retention: RetentionRepository,
    private readonly membershipOutcomes: MembershipOutcomeRepository,
  ) {}

  /**
   * `from` and `to` are days of the organization's zone, both included. Answers how long each
   * table took (milliseconds), for the job's log and the benchmark.
   */
  async rollUp(from: string, to: string): Promise<Record<string, number>> {
    await this.runs.lockOrganization();
    const range = [from, to, await this.settings.timeZone(), this.clock.now()] as const;
    const took: Record<string, number> = {};
    const timed = async (table: string, work: () => Promise<void>) => {
      const started = performance.now();
      await work();
      took[table] = Math.round(performance.now() - started);
    };
    // Read once, then every table's statement reads the copy.
    await timed('steps', () => this.steps.materialize(...range));
    await timed('cohort_days', () => this.cohortDays.rollUp(...range));
    await timed('time_to_match_days', () => this.timeToMatch.rollUp(...range));
    await timed('utilization_days', () => this.utilization.rollUp(...range));
    await timed('exit_days', () => this.exits.rollUp(...range));
    await timed('retention', () => this.retention.rollUp(...range));
    await timed('membership_outcomes', () => this.membershipOutcomes.rollUp(...range));
    return took;
  }
}
