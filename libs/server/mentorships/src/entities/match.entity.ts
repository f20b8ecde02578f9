import type { MatchEndReason, MatchOrigin, MatchStatus } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A mentor and a mentee of one cohort (DESIGN.md, Match). */
@Entity({ name: 'matches' })
export class MatchEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'mentor_user_id' })
  mentorUserId!: string;

  @Column('uuid', { name: 'mentee_user_id' })
  menteeUserId!: string;

  @Column('text')
  status!: MatchStatus;

  @Column('text')
  origin!: MatchOrigin;

  /** The request or round the match came from. */
  @Column('uuid', { name: 'origin_id', nullable: true })
  originId!: string | null;

  /** A flash program's match: one conversation, no trial. */
  @Column('boolean', { name: 'single_conversation' })
  singleConversation!: boolean;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column('timestamptz', { name: 'status_changed_at' })
  statusChangedAt!: Date;

  /** Why it was declined or ended (a trial's is shown to coordinators only). */
  @Column('text', { name: 'exit_reason', nullable: true })
  exitReason!: string | null;

  /** Why it ended or was closed, as a code (`end`: chosen; `member_left`, `cohort_ended`: the system's). */
  @Column('text', { name: 'exit_reason_code', nullable: true })
  exitReasonCode!: MatchEndReason | null;

  /** When the trial ends (set when the mentor accepts); answers are due a grace period later. */
  @Column('timestamptz', { name: 'trial_ends_at', nullable: true })
  trialEndsAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
