import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RollupRunStatus = 'queued' | 'done';

/** A re-run of a range of days an admin asked for (late data, such as a back-dated check-in). */
@Entity({ name: 'analytics_rollup_runs' })
export class RollupRunEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('date', { name: 'from_day' })
  fromDay!: string;

  @Column('date', { name: 'to_day' })
  toDay!: string;

  @Column('text')
  status!: RollupRunStatus;

  @Column('uuid', { name: 'requested_by', nullable: true })
  requestedBy!: string | null;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
