import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A tenant. Its row is isolated by its own id. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set while the organization is scheduled for deletion; null otherwise. */
  @Column('timestamptz', { name: 'deletion_scheduled_at', nullable: true })
  deletionScheduledAt!: Date | null;

  @Column('uuid', { name: 'deletion_scheduled_by', nullable: true })
  deletionScheduledBy!: string | null;

  /** The end of the grace period: from then on the purge schedule erases it. */
  @Column('timestamptz', { name: 'purge_after', nullable: true })
  purgeAfter!: Date | null;
}
