import type { ContextMigrations } from '@mentorship/platform';

export const matchingMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [],
};
