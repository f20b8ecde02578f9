import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { trimmed, trimmedEach } from '@mentorship/people';
import { IsIntIn, Omittable } from '@mentorship/platform';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, MaxLength } from 'class-validator';

const line = FIELD_LIMITS.lifecycleLine;
const notes = FIELD_LIMITS.checkInNotes;

export class PulseInputDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'How the mentorship goes.' })
  @IsIntIn({ min: 1, max: 5 })
  rating!: number;

  @ApiPropertyOptional({
    maxLength: notes.max,
    description: 'Coordinators read it where the program allows private notes.',
  })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  comment?: string;
}

export class PulseAnswerViewDto {
  @ApiProperty({ description: 'The period of the program interval, 0 first.' })
  period!: number;
  @ApiProperty()
  rating!: number;
  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
  @ApiProperty({ format: 'date-time' })
  answeredAt!: string;
}

export class PulseViewDto {
  @ApiProperty({ description: "The program's days between two pulses." })
  intervalDays!: number;
  @ApiProperty({ description: 'The period now, counted from the match’s start.' })
  period!: number;
  @ApiProperty({ description: 'The caller (a side) has not answered this period yet.' })
  due!: boolean;
  @ApiProperty({ format: 'date', description: 'When the next period starts.' })
  nextPeriodOn!: string;
  @ApiProperty({
    type: PulseAnswerViewDto,
    isArray: true,
    description: "The caller's own answers, newest first (coordinators see pulses in aggregate only).",
  })
  answers!: PulseAnswerViewDto[];
}

export class OutcomeInputDto {
  @ApiProperty({ type: String, isArray: true, maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(trimmedEach)
  @IsString({ each: true })
  @Length(line.min, line.max, { each: true })
  skillsGained!: string[];

  @ApiProperty()
  @IsBoolean()
  projectCompleted!: boolean;

  @ApiProperty({ description: 'A career step (a new role, a promotion, a stretch assignment).' })
  @IsBoolean()
  careerStep!: boolean;

  @ApiProperty()
  @IsBoolean()
  networkGrown!: boolean;
}

export class OutcomeViewDto {
  @ApiProperty({ enum: ['mentee', 'mentor'] })
  side!: 'mentee' | 'mentor';
  @ApiProperty({ type: String, isArray: true })
  skillsGained!: string[];
  @ApiProperty()
  projectCompleted!: boolean;
  @ApiProperty()
  careerStep!: boolean;
  @ApiProperty()
  networkGrown!: boolean;
  @ApiProperty({ format: 'date-time' })
  reportedAt!: string;
}

export class SurveyInputDto {
  @ApiProperty({ minimum: 0, maximum: 10, description: 'How likely they are to recommend the program.' })
  @IsIntIn({ min: 0, max: 10 })
  recommend!: number;

  @ApiPropertyOptional({ maxLength: notes.max })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  comment?: string;
}

export class SurveyAnsweredDto {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty()
  recommend!: number;
}

export class CohortSurveyAnswerDto {
  @ApiProperty({ minimum: 0, maximum: 10 })
  recommend!: number;
  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
  @ApiProperty({ format: 'date-time' })
  answeredAt!: string;
}

export class CohortSurveyViewDto {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty({ description: 'The caller is an enrolled mentor or mentee of the cohort.' })
  participant!: boolean;
  @ApiProperty({ description: 'The cohort has closed, so its survey takes answers.' })
  open!: boolean;
  @ApiProperty({
    type: CohortSurveyAnswerDto,
    nullable: true,
    description: "The caller's answer, once given.",
  })
  answer!: CohortSurveyAnswerDto | null;
}

export class PulsePeriodDto {
  @ApiProperty()
  period!: number;
  @ApiProperty()
  answers!: number;
  @ApiProperty({ type: Number, nullable: true })
  averageRating!: number | null;
}

export class RecommendationDto {
  @ApiProperty()
  answers!: number;
  @ApiProperty({ description: '9 and 10.' })
  promoters!: number;
  @ApiProperty({ description: '7 and 8.' })
  passives!: number;
  @ApiProperty({ description: '0 to 6.' })
  detractors!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Promoters minus detractors, in percent of answers (-100 to 100).',
  })
  netPromoterScore!: number | null;
}

export class OutcomeCountsDto {
  @ApiProperty({ description: 'Reports (one per side of a match).' })
  reports!: number;
  @ApiProperty({ description: 'Reports naming at least one skill gained.' })
  skillsGained!: number;
  @ApiProperty()
  projectCompleted!: number;
  @ApiProperty()
  careerStep!: number;
  @ApiProperty()
  networkGrown!: number;
}

export class CohortFeedbackDto {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty({ type: PulsePeriodDto, isArray: true })
  pulses!: PulsePeriodDto[];
  @ApiProperty({ type: RecommendationDto })
  recommendation!: RecommendationDto;
  @ApiProperty({ type: OutcomeCountsDto })
  outcomes!: OutcomeCountsDto;
  @ApiProperty({
    type: String,
    isArray: true,
    nullable: true,
    description:
      "Pulse and survey comments, unattributed; null unless the program's privateNotesToCoordinators is on.",
  })
  comments!: string[] | null;
}
