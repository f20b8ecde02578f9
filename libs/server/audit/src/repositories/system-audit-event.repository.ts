import { Injectable } from '@nestjs/common';
import { GlobalRepository, UnitOfWork } from '@mentorship/platform';
import { SystemAuditEventEntity } from '../entities/system-audit-event.entity';

@Injectable()
export class SystemAuditEventRepository extends GlobalRepository<SystemAuditEventEntity> {
  constructor(unitOfWork: UnitOfWork) {
    super(SystemAuditEventEntity, unitOfWork);
  }

  /** In the current transaction (a unit of work's or a tenant's): no system action without its row. */
  async append(event: SystemAuditEventEntity): Promise<void> {
    await this.repository.insert(event);
  }
}
