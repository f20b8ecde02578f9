import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mentor shown to a mentee among their suggestions, counted against the mentor until `shownUntil`. */
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
