import type { MatchAction, MatchActor, MatchEndReason, MatchStatus } from '@mentorship/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One transition of a match: its timeline, oldest first. */
@Entity({ name: 'match_events' })
export class MatchEventEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'match_id' })
  matchId!: string;

  @Column('text')
  action!: MatchAction;

  @Column('text', { name: 'from_status' })
  fromStatus!: MatchStatus;

  @Column('text', { name: 'to_status' })
  toStatus!: MatchStatus;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column('text')
  actor!: MatchActor;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { name: 'reason_code', nullable: true })
  reasonCode!: MatchEndReason | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;
}
