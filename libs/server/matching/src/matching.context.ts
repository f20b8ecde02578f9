import type { BoundedContext } from '@mentorship/platform';
import { matchingRoundJob } from './jobs/matching-round.job';
import { roundMatchEmailJob } from './jobs/round-match-email.job';
import { MatchingModule } from './matching.module';
import { matchingMigrations } from './migrations';

export const matchingContext: BoundedContext = {
  name: 'matching',
  module: MatchingModule,
  migrations: matchingMigrations,
  jobs: [matchingRoundJob, roundMatchEmailJob],
};
