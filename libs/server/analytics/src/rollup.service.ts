import { Injectable } from '@nestjs/common';
import { Clock } from '@mentorship/platform';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';
import { CohortDayRepository } from './repositories/cohort-day.repository';
import { ExitDayRepository } from './repositories/exit-day.repository';
import { MembershipOutcomeRepository } from './repositories/membership-outcome.repository';
import { RetentionRepository } from './repositories/retention.repository';
import { RollupRunRepository } from './repositories/rollup-run.repository';
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
    private readonly cohortDays: CohortDayRepository,
    private readonly timeToMatch: TimeToMatchDayRepository,
    private readonly utilization: UtilizationDayRepository,
    private readonly exits: ExitDayRepository,
    private readonly retention: RetentionRepository,
    private readonly membershipOutcomes: MembershipOutcomeRepository,
  ) {}

  /** `from` and `to` are days of the organization's zone, both included. */
  async rollUp(from: string, to: string): Promise<void> {
    await this.runs.lockOrganization();
    const range = [from, to, await this.settings.timeZone(), this.clock.now()] as const;
    await this.cohortDays.rollUp(...range);
    await this.timeToMatch.rollUp(...range);
    await this.utilization.rollUp(...range);
    await this.exits.rollUp(...range);
    await this.retention.rollUp(...range);
    await this.membershipOutcomes.rollUp(...range);
  }
}
