import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantContext } from '@mentorship/platform';
import type { AuditAction } from './audit-action';
import type { AuditDetails } from './entities/audit-event.entity';
import { AuditEventRepository } from './repositories/audit-event.repository';

export interface AuditEntry {
  action: AuditAction;
  target: { type: string; id: string };
  details?: AuditDetails;
}

/**
 * Writes the audit row inside the caller's tenant transaction: no mutation without its row.
 * The actor is the tenant scope's caller.
 */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventRepository) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.events.append({
      id: randomUUID(),
      actorUserId: TenantContext.caller().userId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      details: entry.details ?? {},
      occurredAt: new Date(),
    });
  }
}
