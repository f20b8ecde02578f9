import type { BoundedContext } from '@mentorship/platform';
import { AnalyticsModule } from './analytics.module';
import { analyticsNightlySchedule, nightlyRollupJob, rollupRerunJob } from './jobs/analytics-rollup.job';
import { analyticsMigrations } from './migrations';

export const analyticsContext: BoundedContext = {
  name: 'analytics',
  module: AnalyticsModule,
  migrations: analyticsMigrations,
  jobs: [nightlyRollupJob, rollupRerunJob],
  schedules: [analyticsNightlySchedule],
};
