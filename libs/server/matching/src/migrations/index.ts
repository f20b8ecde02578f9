import type { ContextMigrations } from '@mentorship/platform';
import { MatchingRounds1764700200000 } from './1764700200000-matching-rounds';

export const matchingMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [MatchingRounds1764700200000],
};
