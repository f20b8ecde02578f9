import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantContext } from '@mentorship/platform';
import { AuditDetails, AuditEventEntity } from './entities/audit-event.entity';

export type AuditAction =
  | 'organization.created'
  | 'member.roles_changed'
  | 'member.removed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted';

export interface AuditEntry {
  actorUserId: string;
  action: AuditAction;
  target: { type: string; id: string };
  details?: AuditDetails;
}

/** Writes the audit row inside the caller's tenant transaction: no mutation without its row. */
@Injectable()
export class AuditService {
  async record(entry: AuditEntry): Promise<void> {
    const manager = TenantContext.manager();
    const event = manager.create(AuditEventEntity, {
      organizationId: TenantContext.organizationId(),
      id: randomUUID(),
      actorUserId: entry.actorUserId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      details: entry.details ?? {},
      occurredAt: new Date(),
    });
    await manager.insert(AuditEventEntity, event);
  }
}
