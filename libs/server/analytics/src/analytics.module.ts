import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { AnalyticsDaysService } from './analytics-days.service';
import { AnalyticsSettingsService } from './analytics-settings.service';
import { DashboardCache } from './dashboard-cache.service';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { AnalyticsSettingsEntity } from './entities/analytics-settings.entity';
import { CohortDayEntity } from './entities/cohort-day.entity';
import { ExitDayEntity } from './entities/exit-day.entity';
import { MembershipOutcomeEntity } from './entities/membership-outcome.entity';
import { NightlyRunEntity } from './entities/nightly-run.entity';
import { RetentionEntity } from './entities/retention.entity';
import { RollupRunEntity } from './entities/rollup-run.entity';
import { RollupVersionEntity } from './entities/rollup-version.entity';
import { TimeToMatchDayEntity } from './entities/time-to-match-day.entity';
import { UtilizationDayEntity } from './entities/utilization-day.entity';
import { AnalyticsNightlyTick, NightlyRollupJob, RollupRerunJob } from './jobs/analytics-rollup.job';
import { NightlyRollupService } from './nightly-rollup.service';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';
import { CohortDayRepository } from './repositories/cohort-day.repository';
import { CohortExportRepository } from './repositories/cohort-export.repository';
import { CohortComparisonRepository } from './repositories/cohort-comparison.repository';
import { CohortDimensionRepository } from './repositories/cohort-dimension.repository';
import { ExitDayRepository } from './repositories/exit-day.repository';
import { MembershipOutcomeRepository } from './repositories/membership-outcome.repository';
import { NightlyRunRepository } from './repositories/nightly-run.repository';
import { NightsDueRepository } from './repositories/nights-due.repository';
import { RetentionRepository } from './repositories/retention.repository';
import { RollupRunRepository } from './repositories/rollup-run.repository';
import { RollupRepository } from './repositories/rollup.repository';
import { RollupVersionRepository } from './repositories/rollup-version.repository';
import { TimeToMatchDayRepository } from './repositories/time-to-match-day.repository';
import { UtilizationDayRepository } from './repositories/utilization-day.repository';
import { RollupRunsController } from './rollup-runs.controller';
import { RollupRunsService } from './rollup-runs.service';
import { RollupService } from './rollup.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/**
 * Analytics: daily rollups of every organization's mentoring (written by jobs, idempotent), the
 * dashboard that reads only those rollups, and exports.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AnalyticsSettingsEntity,
      CohortDayEntity,
      TimeToMatchDayEntity,
      UtilizationDayEntity,
      ExitDayEntity,
      RetentionEntity,
      MembershipOutcomeEntity,
      RollupRunEntity,
      NightlyRunEntity,
      RollupVersionEntity,
    ]),
    AuditModule,
  ],
  controllers: [DashboardController, RollupRunsController, ExportsController],
  providers: [
    AnalyticsDaysService,
    AnalyticsSettingsService,
    DashboardService,
    DashboardCache,
    RollupService,
    RollupRunsService,
    NightlyRollupService,
    AnalyticsSettingsRepository,
    CohortDayRepository,
    CohortDimensionRepository,
    CohortComparisonRepository,
    TimeToMatchDayRepository,
    UtilizationDayRepository,
    ExitDayRepository,
    RetentionRepository,
    MembershipOutcomeRepository,
    RollupRunRepository,
    RollupRepository,
    RollupVersionRepository,
    NightlyRunRepository,
    NightsDueRepository,
    AnalyticsNightlyTick,
    NightlyRollupJob,
    RollupRerunJob,
    ExportsService,
    CohortExportRepository,
  ],
  exports: [AnalyticsSettingsService, RollupService, NightlyRollupService],
})
export class AnalyticsModule {}
