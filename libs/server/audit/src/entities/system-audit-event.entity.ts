import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AuditDetails } from './audit-event.entity';

/** What the system did that outlives any organization's own log (an organization's purge). */
@Entity({ name: 'system_audit_events' })
export class SystemAuditEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  action!: string;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('text', { name: 'target_id' })
  targetId!: string;

  @Column('jsonb')
  details!: AuditDetails;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;
}
