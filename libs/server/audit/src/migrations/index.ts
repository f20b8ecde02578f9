import type { ContextMigrations } from '@mentorship/platform';
import { Audit1763770000300 } from './1763770000300-audit';
import { SystemAudit1764700000300 } from './1764700000300-system-audit';
import { AuditSystemActor1764700000400 } from './1764700000400-audit-system-actor';

export const auditMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Audit1763770000300, SystemAudit1764700000300, AuditSystemActor1764700000400],
};
