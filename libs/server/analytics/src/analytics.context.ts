import type { BoundedContext } from '@mentorship/platform';
import { AnalyticsModule } from './analytics.module';
import { analyticsMigrations } from './migrations';

export const analyticsContext: BoundedContext = {
  name: 'analytics',
  module: AnalyticsModule,
  migrations: analyticsMigrations,
  jobs: [],
};
