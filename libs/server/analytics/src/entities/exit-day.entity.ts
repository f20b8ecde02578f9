import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Matches of a cohort that ended, or whose trial was declined, that day, by who ended them. Written by the rollup's SQL only: the key is what is mapped. */
@Entity({ name: 'analytics_exit_days' })
export class ExitDayEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'program_id' })
  programId!: string;
}
