import type { ContextMigrations } from '@mentorship/platform';
import { Audit1763770000300 } from './1763770000300-audit';
import { SystemAudit1764700000300 } from './1764700000300-system-audit';

export const auditMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Audit1763770000300, SystemAudit1764700000300],
};
