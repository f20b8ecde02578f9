import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MATCH_STATUSES,
  NEEDS_ATTENTION_KINDS,
  TRIAL_ENDING_WITHIN_DAYS,
  type MatchStatus,
  type NeedsAttentionKind,
} from '@mentorship/contracts';
import { IntegerParam, PageOf, PageQueryDto } from '@mentorship/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class NeedsAttentionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this cohort’s pairs.' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ enum: NEEDS_ATTENTION_KINDS, description: 'Only items of this kind.' })
  @IsOptional()
  @IsIn(NEEDS_ATTENTION_KINDS)
  kind?: NeedsAttentionKind;

  @ApiPropertyOptional({
    minimum: TRIAL_ENDING_WITHIN_DAYS.min,
    maximum: TRIAL_ENDING_WITHIN_DAYS.max,
    default: TRIAL_ENDING_WITHIN_DAYS.default,
    description: 'A trial is listed when it ends within this many days (or has ended, undecided).',
  })
  @IntegerParam({ min: TRIAL_ENDING_WITHIN_DAYS.min, max: TRIAL_ENDING_WITHIN_DAYS.max })
  trialEndingWithinDays: number = TRIAL_ENDING_WITHIN_DAYS.default;
}

export class AttentionPersonDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  displayName!: string;
}

export class AttentionMilestoneDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ format: 'date' })
  dueOn!: string;
}

export class NeedsAttentionItemDto {
  @ApiProperty({ enum: NEEDS_ATTENTION_KINDS })
  kind!: NeedsAttentionKind;
  @ApiProperty({
    format: 'uuid',
    description: 'The match concerned (for a re-match waiting: the declined trial’s match).',
  })
  matchId!: string;
  @ApiProperty({ enum: MATCH_STATUSES })
  matchStatus!: MatchStatus;
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty()
  cohortName!: string;
  @ApiProperty({ type: AttentionPersonDto })
  mentee!: AttentionPersonDto;
  @ApiProperty({
    type: AttentionPersonDto,
    description: 'For a re-match waiting: the mentor of the declined trial.',
  })
  mentor!: AttentionPersonDto;
  @ApiProperty({ example: 'No check-in for 31 days (the program meets biweekly: 28 days is the limit).' })
  reason!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'Since when: the trial’s start, the declined trial’s end, the last check-in (else the match’s start), the milestone’s due date.',
  })
  since!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When it is or was due: the trial’s end, the next check-in, the milestone; null for a re-match.',
  })
  dueAt!: string | null;
  @ApiProperty({ type: AttentionMilestoneDto, nullable: true, description: 'The missed milestone.' })
  milestone!: AttentionMilestoneDto | null;
}

export class NeedsAttentionPageDto extends PageOf(NeedsAttentionItemDto) {}
