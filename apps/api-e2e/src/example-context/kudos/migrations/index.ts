import type { ContextMigrations } from '@mentorship/platform';
import { Kudos1764400000000 } from './1764400000000-kudos';

export const kudosMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Kudos1764400000000],
};
