import type { ContextMigrations } from '@mentorship/platform';
import { MatchRequests1764700100100 } from './1764700100100-match-requests';
import { MatchingRounds1764700200000 } from './1764700200000-matching-rounds';
import { SuggestionSlots1764700300500 } from './1764700300500-suggestion-slots';

export const matchingMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [MatchRequests1764700100100, MatchingRounds1764700200000, SuggestionSlots1764700300500],
};
