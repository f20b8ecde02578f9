import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A job recorded by a committed write, waiting for the relay to hand it to BullMQ. */
@Entity({ name: 'job_outbox' })
export class JobOutboxEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  /** `jobKeyOf(job, payload)`: the BullMQ job id. */
  @Column('text', { name: 'job_key' })
  jobKey!: string;

  @Column('text', { name: 'job_name' })
  jobName!: string;

  @Column('text')
  queue!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** The job runs no earlier than this (a delayed job); null: at once. */
  @Column('timestamptz', { name: 'not_before', nullable: true })
  notBefore!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
