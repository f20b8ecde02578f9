import type { DeclineReason, MatchRequestStatus } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A mentee's structured request to a mentor of their cohort. */
@Entity({ name: 'match_requests' })
export class MatchRequestEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'mentee_user_id' })
  menteeUserId!: string;

  @Column('uuid', { name: 'mentor_user_id' })
  mentorUserId!: string;

  @Column('text')
  status!: MatchRequestStatus;

  @Column('text')
  subject!: string;

  @Column('text', { name: 'how_found' })
  howFound!: string;

  @Column('text', { name: 'want_to_learn' })
  wantToLearn!: string;

  @Column('text', { name: 'specific_ask' })
  specificAsk!: string;

  @Column('text', { name: 'offer_back' })
  offerBack!: string;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason!: DeclineReason | null;

  @Column('text', { name: 'decline_note', nullable: true })
  declineNote!: string | null;

  @Column('uuid', { name: 'suggested_mentor_user_id', nullable: true })
  suggestedMentorUserId!: string | null;

  @Column('uuid', { name: 'match_id', nullable: true })
  matchId!: string | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
