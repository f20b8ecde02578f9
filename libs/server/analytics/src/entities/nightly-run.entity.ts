import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The claim on one night's rollup of an organization: taken once, by whichever tick comes first. */
@Entity({ name: 'analytics_nightly_runs' })
export class NightlyRunEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('date')
  day!: string;

  @Column('timestamptz', { name: 'claimed_at' })
  claimedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column('integer')
  runs!: number;
}
