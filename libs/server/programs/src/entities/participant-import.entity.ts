import type { ImportStatus } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One CSV file of participants for a cohort, from validation to its import. */
@Entity({ name: 'participant_imports' })
export class ParticipantImportEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('text')
  status!: ImportStatus;

  @Column('text')
  delimiter!: string;

  @Column('text', { name: 'ignored_columns', array: true })
  ignoredColumns!: string[];

  @Column('integer', { name: 'total_rows' })
  totalRows!: number;

  @Column('integer', { name: 'valid_rows' })
  validRows!: number;

  @Column('integer', { name: 'rejected_rows' })
  rejectedRows!: number;

  /** Progress of the import: valid rows written so far (committed only at the end). */
  @Column('integer', { name: 'processed_rows' })
  processedRows!: number;

  @Column('integer')
  enrolled!: number;

  @Column('integer')
  invited!: number;

  /** Why the import wrote nothing, when it failed. */
  @Column('text', { nullable: true })
  failure!: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('uuid', { name: 'committed_by', nullable: true })
  committedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'committed_at', nullable: true })
  committedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
