import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Plain values only: the audit log is read by people and by exports. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/** What an audit row says, in an organization's log or the system's. */
export abstract class AuditRecord {
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

/** One mutation, recorded in the same transaction as the mutation. Append-only for the app role. */
@Entity({ name: 'audit_events' })
export class AuditEventEntity extends AuditRecord {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  /** Null for the system (a job acting for nobody). */
  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;
}
