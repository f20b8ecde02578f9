import type { ContextMigrations } from '@mentorship/platform';
import { AnalyticsRollups1764900000000 } from './1764900000000-analytics-rollups';
import { AnalyticsNightly1764900000100 } from './1764900000100-analytics-nightly';
import { AnalyticsDashboardReads1764900000200 } from './1764900000200-analytics-dashboard-reads';
import { AnalyticsRollupVersions1765500000000 } from './1765500000000-analytics-rollup-versions';

export const analyticsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [
    AnalyticsRollups1764900000000,
    AnalyticsNightly1764900000100,
    AnalyticsDashboardReads1764900000200,
    AnalyticsRollupVersions1765500000000,
  ],
};
