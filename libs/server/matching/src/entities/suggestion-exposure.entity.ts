import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The flood ledger's table until 2026-12-04, now written by nothing: the ledger is in Redis
 * (`SuggestionLedger`). Kept as the entity the context's read-only repositories sit on; the
 * table can go in a later migration.
 */
@Entity({ name: 'suggestion_exposures' })
export class SuggestionExposureEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'mentee_user_id' })
  menteeUserId!: string;

  @PrimaryColumn('uuid', { name: 'mentor_user_id' })
  mentorUserId!: string;

  /** Which of the mentor's places x the program's flood factor the mentee holds (one mentee each). */
  @PrimaryColumn('int')
  slot!: number;

  @Column('timestamptz', { name: 'shown_until' })
  shownUntil!: Date;
}
