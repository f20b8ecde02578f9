import { Entity, PrimaryColumn } from 'typeorm';
import { AuditRecord } from './audit-event.entity';

/** What the system did that outlives any organization's own log (an organization's purge). */
@Entity({ name: 'system_audit_events' })
export class SystemAuditEventEntity extends AuditRecord {
  @PrimaryColumn('uuid')
  id!: string;
}
