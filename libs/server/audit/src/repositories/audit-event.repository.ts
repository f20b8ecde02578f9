import { Injectable } from '@nestjs/common';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { AuditEventEntity } from '../entities/audit-event.entity';

@Injectable()
export class AuditEventRepository extends TenantRepository<AuditEventEntity> {
  constructor() {
    super(AuditEventEntity);
  }

  /**
   * Append-only (the application role may not update or delete audit rows), and nothing reads
   * them back in the transaction that writes them: so they travel with its COMMIT.
   */
  append(event: TenantRow<AuditEventEntity, 'organizationId'>): void {
    this.insertAtCommit(event);
  }
}
