import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROUND_LIMITS,
  ROUND_MODES,
  ROUND_OBJECTIVES,
  ROUND_PHASES,
  ROUND_STATUSES,
  UNMATCHED_REASONS,
  type RoundMode,
  type RoundObjective,
  type RoundPhase,
  type RoundStatus,
  type UnmatchedReasonCode,
} from '@mentorship/contracts';
import { IntegerParam, IsListOf, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { CriteriaDto } from '@mentorship/programs';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class StartRoundDto {
  @ApiPropertyOptional({
    enum: ROUND_OBJECTIVES,
    default: 'max-score',
    description: 'Best total score, or as many mentees matched as possible and then the best score.',
  })
  @Omittable()
  @IsIn(ROUND_OBJECTIVES)
  objective?: RoundObjective;

  @ApiPropertyOptional({
    enum: ROUND_MODES,
    default: 'exact',
    description:
      'exact: the optimum of the objective; stable: no mentee and mentor would both rather be together.',
  })
  @Omittable()
  @IsIn(ROUND_MODES)
  mode?: RoundMode;
}

export class RoundPairDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  menteeUserId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mentorUserId!: string;
}

const pairs = (description: string) =>
  ApiPropertyOptional({
    type: RoundPairDto,
    isArray: true,
    maxItems: ROUND_LIMITS.pairsPerRequest,
    description,
  });

/** A coordinator's decisions for the next solve, on top of those of the round it starts from. */
export class RerunRoundDto extends StartRoundDto {
  @pairs('Pairs to keep whatever the solve says (a mentee fixed again moves to the new mentor).')
  @Omittable()
  @IsListOf(() => RoundPairDto, ROUND_LIMITS.pairsPerRequest)
  fix?: RoundPairDto[];

  @pairs('Pairs the solve must not propose.')
  @Omittable()
  @IsListOf(() => RoundPairDto, ROUND_LIMITS.pairsPerRequest)
  forbid?: RoundPairDto[];

  @pairs('Fixed or forbidden pairs to let go of.')
  @Omittable()
  @IsListOf(() => RoundPairDto, ROUND_LIMITS.pairsPerRequest)
  release?: RoundPairDto[];
}

/** A re-run that saves nothing, optionally with other weights and rules than the program's. */
export class DryRunDto extends RerunRoundDto {
  @ApiPropertyOptional({
    type: CriteriaDto,
    description:
      "Weights and rules to try instead of the cohort's (any part; the rest stays as the cohort has it).",
  })
  @Omittable()
  @ValidateNested()
  @Type(() => CriteriaDto)
  criteria?: CriteriaDto;
}

export class RoundFailureDto {
  @ApiProperty({ example: 'round_too_large' })
  code!: string;
  @ApiProperty()
  message!: string;
}

export class UnmatchedMenteeDto {
  @ApiProperty({ format: 'uuid' })
  menteeUserId!: string;
  @ApiProperty({ enum: UNMATCHED_REASONS })
  reason!: UnmatchedReasonCode;
  @ApiProperty()
  message!: string;
  @ApiProperty({ description: 'Mentors who pass every rule for the mentee (full or not).' })
  candidateCount!: number;
}

export class MentorLoadDto {
  @ApiProperty({ format: 'uuid' })
  mentorUserId!: string;
  @ApiProperty({ description: 'Mentee places free before the round (group programs: groups x group size).' })
  places!: number;
  @ApiProperty()
  assigned!: number;
  @ApiProperty()
  remaining!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Group programs: groups the proposals form.' })
  groups!: number | null;
}

export class ChangedPairDto {
  @ApiProperty({ format: 'uuid' })
  menteeUserId!: string;
  @ApiProperty({ format: 'uuid' })
  fromMentorUserId!: string;
  @ApiProperty({ format: 'uuid' })
  toMentorUserId!: string;
  @ApiProperty()
  scoreBefore!: number;
  @ApiProperty()
  scoreAfter!: number;
}

export class ScoredPairDto extends RoundPairDto {
  @ApiProperty()
  score!: number;
}

export class RoundDiffDto {
  @ApiProperty({ format: 'uuid', description: 'The round whose proposals are "before".' })
  previousRoundId!: string;
  @ApiProperty({ description: 'Mentees with the same mentor as before.' })
  kept!: number;
  @ApiProperty({ type: ChangedPairDto, isArray: true })
  changed!: ChangedPairDto[];
  @ApiProperty({ type: ScoredPairDto, isArray: true, description: 'Mentees matched now and not before.' })
  added!: ScoredPairDto[];
  @ApiProperty({ type: ScoredPairDto, isArray: true, description: 'Mentees matched before and not now.' })
  removed!: ScoredPairDto[];
  @ApiProperty()
  totalScoreBefore!: number;
  @ApiProperty()
  totalScoreAfter!: number;
}

export class PersonNameDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty({ description: 'The display name, else the email address.' })
  name!: string;
}

const people = () =>
  ApiProperty({
    type: PersonNameDto,
    isArray: true,
    description:
      'The name of everyone the round names by id (unmatched mentees, mentor load, fixed and forbidden pairs, diff).',
  });

export class RoundViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The round this one re-runs.' })
  previousRoundId!: string | null;
  @ApiProperty({ enum: ROUND_STATUSES })
  status!: RoundStatus;
  @ApiProperty({ enum: ROUND_OBJECTIVES })
  objective!: RoundObjective;
  @ApiProperty({ enum: ROUND_MODES })
  mode!: RoundMode;
  @ApiProperty({
    enum: ROUND_PHASES,
    nullable: true,
    description: 'While running: what the worker is doing.',
  })
  phase!: RoundPhase | null;
  @ApiProperty({ minimum: 0, maximum: 100 })
  percent!: number;
  @ApiProperty({ type: RoundFailureDto, nullable: true })
  failure!: RoundFailureDto | null;
  @ApiProperty({ type: RoundPairDto, isArray: true })
  fixedPairs!: RoundPairDto[];
  @ApiProperty({ type: RoundPairDto, isArray: true })
  forbiddenPairs!: RoundPairDto[];
  @ApiProperty({ type: Number, nullable: true })
  matchedCount!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  totalScore!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Pairs who would both rather be together (0 in stable mode).',
  })
  blockingPairs!: number | null;
  @ApiProperty({ type: UnmatchedMenteeDto, isArray: true })
  unmatched!: UnmatchedMenteeDto[];
  @ApiProperty({ type: MentorLoadDto, isArray: true })
  mentorLoad!: MentorLoadDto[];
  @ApiProperty({
    type: RoundDiffDto,
    nullable: true,
    description: 'A re-run: its changes against the round it re-runs.',
  })
  diff!: RoundDiffDto | null;
  @ApiProperty({
    description: "Whether the exact solve started from the previous solve's prices (a warm re-solve).",
  })
  warmStarted!: boolean;
  @ApiProperty()
  attempts!: number;
  @people()
  people!: PersonNameDto[];
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;
}

export class RoundPageDto extends PageOf(RoundViewDto) {}

export class ProposalComponentDto {
  @ApiProperty({ example: 'skills' })
  id!: string;
  @ApiProperty({ description: 'How well the pair does on it, 0..1.' })
  value!: number;
  @ApiProperty({ description: 'Its share of the total weight, 0..1.' })
  weight!: number;
  @ApiProperty({ description: 'Its part of the 0..100 score.' })
  points!: number;
  @ApiProperty({ example: '3 of 4 wanted skills at or above target level' })
  reason!: string;
}

export class ProposalViewDto extends RoundPairDto {
  @ApiProperty()
  menteeName!: string;
  @ApiProperty()
  mentorName!: string;
  @ApiProperty({ description: '0..100' })
  score!: number;
  @ApiProperty({ description: 'Fixed by the coordinator.' })
  fixed!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Group programs: the mentor's group (1, 2, ...).",
  })
  groupNumber!: number | null;
  @ApiProperty({ type: ProposalComponentDto, isArray: true })
  components!: ProposalComponentDto[];
}

export class ProposalPageDto extends PageOf(ProposalViewDto) {}

export class ProposalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  mentorUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  menteeUserId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only fixed (true) or only solved (false) pairs.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  fixed?: boolean;

  @ApiPropertyOptional({
    maxLength: ROUND_LIMITS.searchLength,
    description: "Part of the mentee's or the mentor's name or email address (case does not matter).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(ROUND_LIMITS.searchLength)
  search?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Only proposals scoring at least this.' })
  @IsOptional()
  @IntegerParam({ min: 0, max: 100 })
  minScore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Only proposals scoring at most this.' })
  @IsOptional()
  @IntegerParam({ min: 0, max: 100 })
  maxScore?: number;
}

export class DryRunViewDto {
  @ApiProperty({ format: 'uuid', description: 'The round the dry run compares with.' })
  roundId!: string;
  @ApiProperty()
  matchedCount!: number;
  @ApiProperty()
  totalScore!: number;
  @ApiProperty()
  blockingPairs!: number;
  @ApiProperty()
  unmatchedCount!: number;
  @ApiProperty({ type: RoundDiffDto })
  diff!: RoundDiffDto;
  @people()
  people!: PersonNameDto[];
}
