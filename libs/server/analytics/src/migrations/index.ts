import type { ContextMigrations } from '@mentorship/platform';
import { AnalyticsRollups1764900000000 } from './1764900000000-analytics-rollups';

export const analyticsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [AnalyticsRollups1764900000000],
};
