import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHOSEN_END_REASONS,
  FIELD_LIMITS,
  MATCH_ACTIONS,
  MATCH_END_REASONS,
  MATCH_PHASES,
  MATCH_ACTORS,
  MATCH_ORIGINS,
  MATCH_STATUSES,
  type MatchAction,
  type MatchActor,
  type MatchEndReason,
  type MatchOrigin,
  type MatchPhase,
  type MatchStatus,
} from '@mentorship/contracts';
import { lengthOf } from '@mentorship/people';
import { IsTrimmedText, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { IsIn, IsOptional } from 'class-validator';

export class MatchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MATCH_STATUSES })
  @IsOptional()
  @IsIn(MATCH_STATUSES)
  status?: MatchStatus;
}

export class MatchActionDto {
  @ApiProperty({ enum: MATCH_ACTIONS, description: 'A named action of the match state machine.' })
  @IsIn(MATCH_ACTIONS)
  action!: MatchAction;

  @ApiPropertyOptional({
    ...lengthOf(FIELD_LIMITS.matchReason),
    description:
      'Required to reject, decline or withdraw; to end, a `reasonCode` or this note (then recorded as `other`) is required, and with a code the note is optional. Optional when a trial ends (then seen by coordinators only).',
  })
  @Omittable()
  @IsTrimmedText(FIELD_LIMITS.matchReason)
  reason?: string;

  @ApiPropertyOptional({
    enum: CHOSEN_END_REASONS,
    description:
      'Why the match ends, for `end` only (any other action refuses it): the code is seen by both sides and coordinators, `reason` is then an optional note. Ending with a note and no code records `other`.',
  })
  @Omittable()
  @IsIn(CHOSEN_END_REASONS)
  reasonCode?: MatchEndReason;
}

export class MatchEventViewDto {
  @ApiProperty({ enum: MATCH_ACTIONS })
  action!: MatchAction;
  @ApiProperty({ enum: MATCH_STATUSES })
  from!: MatchStatus;
  @ApiProperty({ enum: MATCH_STATUSES })
  to!: MatchStatus;
  @ApiProperty({ enum: MATCH_ACTORS })
  actor!: MatchActor;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the system.' })
  actorUserId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "A trial's exit reason is shown to coordinators and its writer only.",
  })
  reason!: string | null;
  @ApiProperty({
    enum: MATCH_END_REASONS,
    nullable: true,
    description: 'The reason code of an ending (`member_left`, `cohort_ended`: the system).',
  })
  reasonCode!: MatchEndReason | null;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class MatchPersonDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  displayName!: string;
}

/** Where a started match is in its life: initiation (months 1–3), development (4–12), maturation. */
export class MatchPhaseDto {
  @ApiProperty({ enum: MATCH_PHASES })
  phase!: MatchPhase;
  @ApiProperty({ description: 'The month of the mentorship it is in (1 = its first), or ended in.' })
  month!: number;
  @ApiProperty({ format: 'date-time', description: 'Its first step into trial or active.' })
  startedAt!: string;
  @ApiProperty({ format: 'date-time' })
  phaseStartedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next phase begins; null in maturation and once the match is over.',
  })
  nextPhaseAt!: string | null;
}

export class MatchViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty({ format: 'uuid' })
  mentorUserId!: string;
  @ApiProperty({ format: 'uuid' })
  menteeUserId!: string;
  @ApiProperty({ type: MatchPersonDto })
  mentor!: MatchPersonDto;
  @ApiProperty({ type: MatchPersonDto })
  mentee!: MatchPersonDto;
  @ApiProperty()
  cohortName!: string;
  @ApiProperty({ enum: MATCH_STATUSES })
  status!: MatchStatus;
  @ApiProperty({ enum: MATCH_ORIGINS })
  origin!: MatchOrigin;
  @ApiProperty()
  singleConversation!: boolean;
  @ApiProperty({ format: 'date-time' })
  statusChangedAt!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({
    enum: MATCH_ACTIONS,
    isArray: true,
    description: 'What the caller may do now, as the state machine says.',
  })
  allowedActions!: MatchAction[];
}

export class MatchDetailDto extends MatchViewDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Why it was declined or ended (a trial's: coordinators only).",
  })
  exitReason!: string | null;
  @ApiProperty({
    enum: MATCH_END_REASONS,
    nullable: true,
    description: 'Why it ended or was closed, as a code (set by `end` and by the system).',
  })
  exitReasonCode!: MatchEndReason | null;
  @ApiProperty({
    type: MatchPhaseDto,
    nullable: true,
    description: 'Its phase by the clock; null for a match that never started (proposed, pending, declined).',
  })
  phase!: MatchPhaseDto | null;
  @ApiProperty({ type: MatchEventViewDto, isArray: true, description: 'Every transition, oldest first.' })
  timeline!: MatchEventViewDto[];
}

export class MatchPageDto extends PageOf(MatchViewDto) {}
