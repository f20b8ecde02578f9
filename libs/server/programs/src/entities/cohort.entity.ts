import type { CohortStatus } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProgramSettings } from '../program-settings.service';

/** One run of a program: an enrollment window, dates, a roster, a status. */
@Entity({ name: 'cohorts' })
export class CohortEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'program_id' })
  programId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  status!: CohortStatus;

  /** Dates are calendar days (YYYY-MM-DD), in the organization's own sense of a day. */
  @Column('date', { name: 'enrollment_opens_on', nullable: true })
  enrollmentOpensOn!: string | null;

  @Column('date', { name: 'enrollment_closes_on', nullable: true })
  enrollmentClosesOn!: string | null;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  /** The program's settings as they were when the cohort left draft; null while in draft. */
  @Column('jsonb', { name: 'settings_snapshot', nullable: true })
  settingsSnapshot!: ProgramSettings | null;

  @Column('timestamptz', { name: 'settings_frozen_at', nullable: true })
  settingsFrozenAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
