import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One cohort's day (`analytics_cohort_days`): that day's events and the levels at its end.
 * Written by the rollup's SQL only (see `CohortDayRepository`), so only the key is mapped here.
 */
@Entity({ name: 'analytics_cohort_days' })
export class CohortDayEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @PrimaryColumn('date')
  day!: string;

  @Column('uuid', { name: 'program_id' })
  programId!: string;
}
