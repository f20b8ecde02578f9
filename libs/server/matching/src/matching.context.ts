import type { BoundedContext } from '@mentorship/platform';
import { matchRequestExpiryJob } from './jobs/match-request-expiry.job';
import { matchingRoundJob } from './jobs/matching-round.job';
import { roundMatchEmailJob } from './jobs/round-match-email.job';
import { MatchingModule } from './matching.module';
import { MatchingNotifications } from './matching.notifications';
import { matchingMigrations } from './migrations';

export const matchingContext: BoundedContext = {
  name: 'matching',
  module: MatchingModule,
  migrations: matchingMigrations,
  jobs: [matchRequestExpiryJob, matchingRoundJob, roundMatchEmailJob],
  notificationKinds: Object.values(MatchingNotifications),
};
