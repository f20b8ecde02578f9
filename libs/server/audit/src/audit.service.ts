import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantContext } from '@mentorship/platform';
import type { AuditDetails } from './entities/audit-event.entity';
import { AuditEventRepository } from './repositories/audit-event.repository';
import { SystemAuditEventRepository } from './repositories/system-audit-event.repository';

declare const auditActionBrand: unique symbol;

/**
 * An action as its context declares it (`defineAuditActions`): the audit log takes no bare
 * string, so every action written is one some context owns and names once.
 */
export type AuditAction = string & { readonly [auditActionBrand]: true };

/** `export const MembersAudit = defineAuditActions({ removed: 'member.removed' })`. */
export function defineAuditActions<const T extends Record<string, string>>(
  actions: T,
): { readonly [K in keyof T]: AuditAction } {
  return actions as unknown as { readonly [K in keyof T]: AuditAction };
}

export interface AuditEntry {
  action: AuditAction;
  target: { type: string; id: string };
  details?: AuditDetails;
}

/**
 * Writes the audit row inside the caller's tenant transaction: no mutation without its row.
 * The actor is the tenant scope's caller, none for the system.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly systemEvents: SystemAuditEventRepository,
  ) {}

  /** Kept for the transaction's COMMIT; async so callers may keep awaiting it. */
  async record(entry: AuditEntry): Promise<void> {
    this.events.append({
      ...eventOf(entry),
      // A job acting for nobody (a trial's deadline) is the system.
      actorUserId: TenantContext.current().caller?.userId ?? null,
    });
  }

  /**
   * For what the system does (a schedule acts for nobody) and what outlives the organization it
   * is about: written in the current transaction to the global `system_audit_events`.
   */
  async recordSystem(entry: AuditEntry): Promise<void> {
    await this.systemEvents.append(eventOf(entry));
  }
}

/** The row of an audit event, as both logs store it (the tenant's adds its actor). */
function eventOf(entry: AuditEntry) {
  return {
    id: randomUUID(),
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    details: entry.details ?? {},
    occurredAt: new Date(),
  };
}
