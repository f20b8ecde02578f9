import type { ContextMigrations } from '@mentorship/platform';
import { Organizations1763770000200 } from './1763770000200-organizations';

export const organizationsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Organizations1763770000200],
};
