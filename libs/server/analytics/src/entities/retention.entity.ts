import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mentees of a cohort whose first match began on a day, and how many held one N days later. Written by the rollup's SQL only: the key is what is mapped. */
@Entity({ name: 'analytics_retention' })
export class RetentionEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'program_id' })
  programId!: string;
}
