import type { ContextMigrations } from '@mentorship/platform';
import { Identity1763770000100 } from './1763770000100-identity';

export const identityMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Identity1763770000100],
};
