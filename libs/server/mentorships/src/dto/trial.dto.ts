import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS, MATCH_STATUSES, type MatchStatus } from '@mentorship/contracts';
import { lengthOf } from '@mentorship/people';
import { IsIntIn, IsTrimmedText, Omittable } from '@mentorship/platform';
import { IsBoolean } from 'class-validator';

export class TrialAnswerDto {
  @ApiProperty({ description: 'Continue the mentorship after the trial?' })
  @IsBoolean()
  continue!: boolean;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'How the trial went.' })
  @IsIntIn({ min: 1, max: 5 })
  rating!: number;

  @ApiPropertyOptional({ ...lengthOf(FIELD_LIMITS.matchReason), description: 'For the coordinator only.' })
  @Omittable()
  @IsTrimmedText(FIELD_LIMITS.matchReason)
  note?: string;
}

export class TrialSideAnswerDto {
  @ApiProperty({ enum: ['mentee', 'mentor'] })
  side!: 'mentee' | 'mentor';
  @ApiProperty()
  answered!: boolean;
  @ApiProperty({ description: "No answer came by the deadline: the program's default answered." })
  byDefault!: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Shown to the side itself and coordinators; null to the other side.',
  })
  continue!: boolean | null;
  @ApiProperty({ type: Number, nullable: true })
  rating!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The private note (coordinators, its writer).' })
  note!: string | null;
}

export class TrialViewDto {
  @ApiProperty({ enum: MATCH_STATUSES })
  status!: MatchStatus;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null before the mentor accepts.',
  })
  endsAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "After this, a side that has not answered takes the program's default.",
  })
  answersDueAt!: string | null;
  @ApiProperty({ type: String, isArray: true, description: 'Nudges sent (halfway).' })
  nudges!: string[];
  @ApiProperty({ type: TrialSideAnswerDto, isArray: true })
  answers!: TrialSideAnswerDto[];
}
