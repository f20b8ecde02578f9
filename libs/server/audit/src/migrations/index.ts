import type { ContextMigrations } from '@mentorship/platform';
import { Audit1763770000300 } from './1763770000300-audit';

export const auditMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Audit1763770000300],
};
