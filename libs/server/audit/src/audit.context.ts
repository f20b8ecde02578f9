import type { BoundedContext } from '@mentorship/platform';
import { auditMigrations } from './migrations';
import { AuditModule } from './audit.module';

export const auditContext: BoundedContext = {
  name: 'audit',
  module: AuditModule,
  migrations: auditMigrations,
};
