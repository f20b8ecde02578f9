import type {
  RoundMode,
  RoundObjective,
  RoundPhase,
  RoundStatus,
  UnmatchedReasonCode,
} from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A mentee and a mentor, by user id. */
export interface UserPair {
  menteeUserId: string;
  mentorUserId: string;
}

export interface UnmatchedMenteeRecord {
  menteeUserId: string;
  reason: UnmatchedReasonCode;
  message: string;
  candidateCount: number;
}

export interface MentorLoadRecord {
  mentorUserId: string;
  /** Mentee places free before the round (group programs: groups free times the group size). */
  places: number;
  assigned: number;
  remaining: number;
  /** Group programs: groups the assigned mentees form; null elsewhere. */
  groups: number | null;
}

/** A re-run's or a dry run's changes against the round it starts from, by mentee. */
export interface RoundDiffRecord {
  previousRoundId: string;
  kept: number;
  changed: {
    menteeUserId: string;
    fromMentorUserId: string;
    toMentorUserId: string;
    scoreBefore: number;
    scoreAfter: number;
  }[];
  added: { menteeUserId: string; mentorUserId: string; score: number }[];
  removed: { menteeUserId: string; mentorUserId: string; score: number }[];
  totalScoreBefore: number;
  totalScoreAfter: number;
}

/**
 * The engine's WarmStart, keyed by ids (positions change with the people): the mentees and
 * mentors in solve order, the seat prices and the assignment, the typed arrays as base64.
 */
export interface StoredWarmStart {
  objective: RoundObjective;
  menteeUserIds: string[];
  mentorUserIds: string[];
  prices: string;
  mentorOf: string;
}

const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One run of the bulk matching for a cohort (DESIGN.md: matching, bulk rounds). */
@Entity({ name: 'matching_rounds' })
export class MatchingRoundEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cohort_id' })
  cohortId!: string;

  @Column('uuid', { name: 'previous_round_id', nullable: true })
  previousRoundId!: string | null;

  @Column('text')
  status!: RoundStatus;

  @Column('text')
  objective!: RoundObjective;

  @Column('text')
  mode!: RoundMode;

  @Column('jsonb', { name: 'fixed_pairs' })
  fixedPairs!: UserPair[];

  @Column('jsonb', { name: 'forbidden_pairs' })
  forbiddenPairs!: UserPair[];

  @Column('text', { nullable: true })
  phase!: RoundPhase | null;

  @Column('smallint')
  percent!: number;

  @Column('text', { name: 'failure_code', nullable: true })
  failureCode!: string | null;

  @Column('text', { name: 'failure_message', nullable: true })
  failureMessage!: string | null;

  @Column('integer', { name: 'matched_count', nullable: true })
  matchedCount!: number | null;

  @Column('numeric', { name: 'total_score', nullable: true, transformer: numeric })
  totalScore!: number | null;

  @Column('integer', { name: 'blocking_pairs', nullable: true })
  blockingPairs!: number | null;

  @Column('jsonb', { nullable: true })
  unmatched!: UnmatchedMenteeRecord[] | null;

  @Column('jsonb', { name: 'mentor_load', nullable: true })
  mentorLoad!: MentorLoadRecord[] | null;

  @Column('jsonb', { nullable: true })
  diff!: RoundDiffRecord | null;

  @Column('jsonb', { name: 'warm_start', nullable: true })
  warmStart!: StoredWarmStart | null;

  @Column('boolean', { name: 'warm_started' })
  warmStarted!: boolean;

  @Column('smallint')
  attempts!: number;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy!: string | null;
}
