import type { ContextMigrations } from '@mentorship/platform';
import { Audit1763770000300 } from './1763770000300-audit';
import { AuditSystemActor1764600000050 } from './1764600000050-audit-system-actor';

export const auditMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Audit1763770000300, AuditSystemActor1764600000050],
};
