import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  MATCH_ACTIONS,
  MATCH_ACTORS,
  MATCH_ORIGINS,
  MATCH_STATUSES,
  type MatchAction,
  type MatchActor,
  type MatchOrigin,
  type MatchStatus,
} from '@mentorship/contracts';
import { lengthOf, trimmed } from '@mentorship/people';
import { Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

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
      'Required to reject, decline, withdraw or end; optional when a trial ends (then seen by coordinators only).',
  })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @Length(FIELD_LIMITS.matchReason.min, FIELD_LIMITS.matchReason.max)
  reason?: string;
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
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class MatchPersonDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  displayName!: string;
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
  @ApiProperty({ type: MatchEventViewDto, isArray: true, description: 'Every transition, oldest first.' })
  timeline!: MatchEventViewDto[];
}

export class MatchPageDto extends PageOf(MatchViewDto) {}
