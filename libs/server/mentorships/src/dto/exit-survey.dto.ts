import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXIT_SURVEY_RATING, FIELD_LIMITS } from '@mentorship/contracts';
import { trimmed } from '@mentorship/people';
import { IsIntIn, Omittable } from '@mentorship/platform';
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';

const notes = FIELD_LIMITS.checkInNotes;

export class ExitSurveyInputDto {
  @ApiProperty({
    minimum: EXIT_SURVEY_RATING.min,
    maximum: EXIT_SURVEY_RATING.max,
    description: 'How the mentorship was, 1 (poor) to 5 (excellent).',
  })
  @IsIntIn(EXIT_SURVEY_RATING)
  rating!: number;

  @ApiPropertyOptional({ maxLength: notes.max, description: 'What worked.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  whatWorked?: string;

  @ApiPropertyOptional({ maxLength: notes.max, description: 'What to change next time.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  whatToChange?: string;
}

export class ExitSurveyAnswerDto {
  @ApiProperty({ enum: ['mentee', 'mentor'] })
  side!: 'mentee' | 'mentor';
  @ApiProperty()
  answered!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Read by the side that answered and by coordinators; null for the other side.',
  })
  rating!: number | null;
  @ApiProperty({ type: String, nullable: true })
  whatWorked!: string | null;
  @ApiProperty({ type: String, nullable: true })
  whatToChange!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;
}

export class ExitSurveyViewDto {
  @ApiProperty({ description: 'The survey is open once the match has ended or completed.' })
  open!: boolean;
  @ApiProperty({ type: ExitSurveyAnswerDto, isArray: true, description: 'The mentee’s, then the mentor’s.' })
  answers!: ExitSurveyAnswerDto[];
}
