import type { ContextMigrations } from '@mentorship/platform';
import { Matches1764600000000 } from './1764600000000-matches';

export const mentorshipsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Matches1764600000000],
};
