import type { BoundedContext } from '@mentorship/platform';
import { MatchingModule } from './matching.module';
import { matchingMigrations } from './migrations';

export const matchingContext: BoundedContext = {
  name: 'matching',
  module: MatchingModule,
  migrations: matchingMigrations,
  jobs: [],
};
