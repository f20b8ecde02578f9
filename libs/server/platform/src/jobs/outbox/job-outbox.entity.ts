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

  /** Not before this time (a delayed job); null: at once. */
  @Column('timestamptz', { name: 'run_at', nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
