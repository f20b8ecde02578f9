import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cohort's mentors at a day's end by tenths of their places used. Written by the rollup's SQL only: the key is what is mapped. */
@Entity({ name: 'analytics_utilization_days' })
export class UtilizationDayEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'program_id' })
  programId!: string;
}
