import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Accepted matches of a cohort's day by whole days waited. Written by the rollup's SQL only: the key is what is mapped. */
@Entity({ name: 'analytics_time_to_match_days' })
export class TimeToMatchDayEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'program_id' })
  programId!: string;
}
