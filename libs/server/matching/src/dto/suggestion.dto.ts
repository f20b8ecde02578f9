import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUGGESTION_LIMIT } from '@mentorship/contracts';
import { IntegerParam } from '@mentorship/platform';

export class SuggestionQueryDto {
  @ApiPropertyOptional({
    minimum: SUGGESTION_LIMIT.min,
    maximum: SUGGESTION_LIMIT.max,
    default: SUGGESTION_LIMIT.default,
  })
  @IntegerParam({ min: SUGGESTION_LIMIT.min, max: SUGGESTION_LIMIT.max })
  limit: number = SUGGESTION_LIMIT.default;
}

export class ScoreComponentDto {
  @ApiProperty({ example: 'skills', description: 'The score component (the program’s criteria weigh it).' })
  id!: string;
  @ApiProperty({ description: 'How well the pair does on it, 0..1.' })
  value!: number;
  @ApiProperty({ description: 'Its share of the total weight, 0..1.' })
  weight!: number;
  @ApiProperty({ description: 'What it adds to the 0..100 score.' })
  points!: number;
  @ApiProperty({ example: '2 of 3 wanted skills at or above target level (TypeScript, SQL)' })
  reason!: string;
}

export class SuggestedMentorDto {
  @ApiProperty({ description: '1 = best.' })
  rank!: number;
  @ApiProperty({ format: 'uuid' })
  mentorUserId!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ description: '0..100.' })
  score!: number;
  @ApiProperty({ type: ScoreComponentDto, isArray: true })
  components!: ScoreComponentDto[];
  @ApiProperty({ description: 'Places the mentor has free now.' })
  freePlaces!: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The caller’s open request to this mentor, if any.',
  })
  openRequestId!: string | null;
}

export class SuggestionListDto {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty({
    description:
      'Stamp of the profiles, capacities and settings the mentor index was built from: the same on every replica for the same data.',
  })
  indexVersion!: string;
  @ApiProperty({ type: SuggestedMentorDto, isArray: true })
  items!: SuggestedMentorDto[];
}
