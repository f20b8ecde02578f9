import type { ContextMigrations } from '@mentorship/platform';
import { MatchRequests1764700100100 } from './1764700100100-match-requests';

export const matchingMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [MatchRequests1764700100100],
};
