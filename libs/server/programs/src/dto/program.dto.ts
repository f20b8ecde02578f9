import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECK_IN_CADENCES,
  TRIAL_NO_ANSWER_OUTCOMES,
  type TrialNoAnswerOutcome,
  FIELD_LIMITS,
  MATCHING_MODES,
  MAP_STAGES,
  MAX_MENTOR_CAPACITY,
  type MapStage,
  PROGRAM_KINDS,
  PROGRAM_LIMITS,
  type CheckInCadence,
  type MatchingMode,
  type ProgramKind,
} from '@mentorship/contracts';
import { lengthOf, trimmed, trimmedEach } from '@mentorship/people';
import {
  type FieldRange,
  IsIntIn,
  IsListOf,
  IsTrimmedText,
  Omittable,
  PageOf,
  PageQueryDto,
  Stacked,
} from '@mentorship/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  CRITERIA_COMPONENTS,
  CRITERIA_MUST_HAVES,
  type ProgramCriteriaRequest,
  type ProgramCriteriaSettings,
} from '../matching-criteria.service';

const finite = { allowNaN: false, allowInfinity: false };

/**
 * An integer setting a body may leave out (`nullable`: or clear with null): what the document
 * says of it and what is checked read one range, so the two cannot disagree.
 */
function IntSetting(
  range: FieldRange,
  doc: { description: string; default?: number },
  { nullable = false } = {},
): PropertyDecorator {
  return Stacked(
    ApiPropertyOptional({
      ...(nullable ? { type: Number, nullable: true } : {}),
      minimum: range.min,
      maximum: range.max,
      ...doc,
    }),
    nullable ? IsOptional() : Omittable(),
    IsIntIn(range),
  );
}

/** An object whose keys are score components and whose values are numbers; the engine judges the numbers. */
function IsWeights(): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return 'weights must be an object of numbers by component';
    for (const [key, weight] of Object.entries(value)) {
      if (!CRITERIA_COMPONENTS.includes(key))
        return `weights.${key} is not a score component (${CRITERIA_COMPONENTS.join(', ')})`;
      if (typeof weight !== 'number' || !Number.isFinite(weight)) return `weights.${key} must be a number`;
    }
    return null;
  };
  return ValidateBy({
    name: 'isWeights',
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: (args) => problem(args?.value) ?? 'weights are not valid',
    },
  });
}

/**
 * Matching criteria as the engine takes them. Types are checked here; the values (negative
 * weights, all weights zero, an unknown must-have, hours out of range) are judged by the
 * engine's `resolveCriteria`, whose message the API answers. Missing fields take its defaults.
 */
export class CriteriaDto implements ProgramCriteriaRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { skills: 30, goals: 20, availability: 15, languages: 10 },
    description: `Relative weight of each score component (${CRITERIA_COMPONENTS.join(', ')}); only ratios matter. Components not sent keep the engine's default weight.`,
  })
  @Omittable()
  @IsWeights()
  weights?: Record<string, number>;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['languages'],
    description: `Components a pair must share at least one of to be matched at all (${CRITERIA_MUST_HAVES.join(', ')}).`,
  })
  @Omittable()
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  mustHaves?: ProgramCriteriaRequest['mustHaves'];

  @ApiPropertyOptional({
    description: 'Hard limit: pairs with less common weekly time are not matched (0: no limit).',
  })
  @Omittable()
  @IsNumber(finite)
  minWeeklyOverlapHours?: number;

  @ApiPropertyOptional({ description: 'Weekly overlap that earns the full availability score.' })
  @Omittable()
  @IsNumber(finite)
  targetWeeklyOverlapHours?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Hard limit: the largest gap between UTC offsets, in hours (null: no limit).',
  })
  @IsOptional()
  @IsNumber(finite)
  maxTimeZoneGapHours?: number | null;

  @ApiPropertyOptional({
    description: 'Hard limit: never match someone with their manager or their manager’s reports.',
  })
  @Omittable()
  @IsBoolean()
  excludeSameReportingLine?: boolean;

  @ApiPropertyOptional({ description: 'Hard limit: never match two people of the same department.' })
  @Omittable()
  @IsBoolean()
  excludeSameDepartment?: boolean;

  @ApiPropertyOptional({
    description: 'Peer programs: the largest seniority difference that still counts as peers.',
  })
  @Omittable()
  @IsNumber(finite)
  peerMaxSeniorityGap?: number;
}

const line = FIELD_LIMITS.lifecycleLine;
const text = FIELD_LIMITS.lifecycleText;

/**
 * An agreement's terms (issue 9.3): a program's template, and each match's agreement drafted
 * from it. Fields left out are empty.
 */
export class AgreementTermsDto {
  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: 10,
    description: 'What the mentee wants to reach.',
  })
  @Omittable()
  @ArrayMaxSize(10)
  @Transform(trimmedEach)
  @IsString({ each: true })
  @Length(line.min, line.max, { each: true })
  goals?: string[];

  @ApiPropertyOptional({
    maxLength: line.max,
    description: 'How often and how they meet ("every other Tuesday, 45 min").',
  })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(line.max)
  meetingCadence?: string;

  @ApiPropertyOptional({ maxLength: text.max, description: 'What stays between the two of them.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  confidentiality?: string;

  @ApiPropertyOptional({ maxLength: text.max, description: 'How to reach each other, and when not to.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  contact?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: 10,
    description: 'How they will know it worked.',
  })
  @Omittable()
  @ArrayMaxSize(10)
  @Transform(trimmedEach)
  @IsString({ each: true })
  @Length(line.min, line.max, { each: true })
  successMeasures?: string[];

  @ApiPropertyOptional({ maxLength: text.max, description: 'What the mentor brings.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  mentorContributes?: string;

  @ApiPropertyOptional({ maxLength: text.max, description: 'What the mentee offers back.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  menteeContributes?: string;
}

export class AgreementTermsViewDto {
  @ApiProperty({ type: String, isArray: true })
  goals!: string[];
  @ApiProperty()
  meetingCadence!: string;
  @ApiProperty()
  confidentiality!: string;
  @ApiProperty()
  contact!: string;
  @ApiProperty({ type: String, isArray: true })
  successMeasures!: string[];
  @ApiProperty()
  mentorContributes!: string;
  @ApiProperty()
  menteeContributes!: string;
}

/** A milestone a program suggests for its mentees' maps (issue 9.4). */
export class MapTemplateMilestoneDto {
  @ApiProperty({ minLength: line.min, maxLength: line.max })
  @IsTrimmedText(line)
  title!: string;

  @ApiPropertyOptional({ maxLength: text.max, description: 'The performance part (default empty).' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  performance?: string;

  @ApiPropertyOptional({ maxLength: text.max, description: 'The community part (default empty).' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  community?: string;

  @ApiProperty({ enum: MAP_STAGES })
  @IsIn(MAP_STAGES)
  stage!: MapStage;
}

export class MapTemplateDto {
  @ApiProperty({ type: MapTemplateMilestoneDto, isArray: true, maxItems: 20 })
  @IsListOf(() => MapTemplateMilestoneDto, 20)
  milestones!: MapTemplateMilestoneDto[];
}

export class MapTemplateMilestoneViewDto {
  @ApiProperty()
  title!: string;
  @ApiProperty()
  performance!: string;
  @ApiProperty()
  community!: string;
  @ApiProperty({ enum: MAP_STAGES })
  stage!: MapStage;
}

export class MapTemplateViewDto {
  @ApiProperty({ type: MapTemplateMilestoneViewDto, isArray: true })
  milestones!: MapTemplateMilestoneViewDto[];
}

/**
 * How a program runs. When creating, fields left out take their defaults; when editing, the
 * fields sent replace the stored ones (`criteria` as a whole, completed with the engine's
 * defaults) and the result must hold together.
 */
export class ProgramSettingsInputDto {
  @ApiPropertyOptional({ enum: PROGRAM_KINDS, default: 'one-to-one' })
  @Omittable()
  @IsIn(PROGRAM_KINDS)
  kind?: ProgramKind;

  @ApiPropertyOptional({
    enum: MATCHING_MODES,
    default: 'coordinator',
    description:
      'coordinator: a coordinator matches; mentee-choice: mentees choose from suggestions; automatic: a bulk round.',
  })
  @Omittable()
  @IsIn(MATCHING_MODES)
  matchingMode?: MatchingMode;

  @ApiPropertyOptional({ type: CriteriaDto })
  @Omittable()
  @ValidateNested()
  @Type(() => CriteriaDto)
  criteria?: CriteriaDto;

  @IntSetting(
    PROGRAM_LIMITS.trialDays,
    {
      description:
        'Trial before a match is made formal, in days (default 30). Flash programs have none: null.',
    },
    { nullable: true },
  )
  trialDays?: number | null;

  @ApiPropertyOptional({
    enum: TRIAL_NO_ANSWER_OUTCOMES,
    // No OpenAPI default: the generated client would then require it on input.
    description:
      'A side that has not answered "continue?" by the grace period after the trial counts as this (default end).',
  })
  @Omittable()
  @IsIn(TRIAL_NO_ANSWER_OUTCOMES)
  trialNoAnswer?: TrialNoAnswerOutcome;

  @ApiPropertyOptional({ enum: CHECK_IN_CADENCES, default: 'biweekly' })
  @Omittable()
  @IsIn(CHECK_IN_CADENCES)
  checkInCadence?: CheckInCadence;

  @IntSetting(PROGRAM_LIMITS.durationWeeks, {
    default: 26,
    description: 'How long a mentorship runs, in weeks.',
  })
  durationWeeks?: number;

  @IntSetting(
    { min: 1, max: MAX_MENTOR_CAPACITY },
    {
      default: 2,
      description: 'Mentees at once for a mentor whose profile sets no capacity (groups: groups at once).',
    },
  )
  defaultMentorCapacity?: number;

  @IntSetting(
    PROGRAM_LIMITS.groupSize,
    { description: 'Group programs: mentees per group (required). Other kinds: null.' },
    { nullable: true },
  )
  groupSize?: number | null;

  // No `default` in the document: generated clients would make the field required.
  @IntSetting(PROGRAM_LIMITS.suggestionFloodFactor, {
    description:
      'Mentee-choice programs: a mentor is suggested to at most free places × this many mentees at once, so the most popular mentor is not flooded (default 3).',
  })
  suggestionFloodFactor?: number;

  @IntSetting(PROGRAM_LIMITS.requestExpiryDays, {
    description: 'Days a match request waits for the mentor’s answer before it expires (default 14).',
  })
  requestExpiryDays?: number;

  @IntSetting(PROGRAM_LIMITS.maxOpenRequestsPerMentee, {
    description: 'Match requests a mentee may have open at once in a cohort (default 3).',
  })
  maxOpenRequestsPerMentee?: number;

  @ApiPropertyOptional({
    type: AgreementTermsDto,
    nullable: true,
    description: "Each match's agreement is drafted from this when its trial ends well (null: none).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementTermsDto)
  agreementTemplate?: AgreementTermsDto | null;

  @ApiPropertyOptional({
    description:
      "Coordinators read check-ins' and notebooks' private notes (default false: their writer only).",
  })
  @Omittable()
  @IsBoolean()
  privateNotesToCoordinators?: boolean;

  @ApiPropertyOptional({
    type: MapTemplateDto,
    nullable: true,
    description: "Milestones suggested to the program's mentees when they start their map (null: none).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapTemplateDto)
  mapTemplate?: MapTemplateDto | null;

  @IntSetting(PROGRAM_LIMITS.pulseIntervalDays, {
    description: 'Days between two pulse surveys of a match (default 30).',
  })
  pulseIntervalDays?: number;

  @IntSetting(PROGRAM_LIMITS.quietDays, {
    description:
      'Days without a check-in after which a pair is nudged; a week later their coordinators are told (default 21).',
  })
  quietDays?: number;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: PROGRAM_LIMITS.disabledNotificationKinds.max,
    example: ['pulse.due'],
    description:
      "Kinds of notification not delivered for the program's matches (ids as in the notification preferences); the whole list replaces the stored one.",
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(PROGRAM_LIMITS.disabledNotificationKinds.max)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  disabledNotificationKinds?: string[];
}

export class CriteriaViewDto implements ProgramCriteriaSettings {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  weights!: ProgramCriteriaSettings['weights'];
  @ApiProperty({ type: String, isArray: true })
  mustHaves!: ProgramCriteriaSettings['mustHaves'];
  @ApiProperty()
  minWeeklyOverlapHours!: number;
  @ApiProperty()
  targetWeeklyOverlapHours!: number;
  @ApiProperty({ type: Number, nullable: true })
  maxTimeZoneGapHours!: number | null;
  @ApiProperty()
  excludeSameReportingLine!: boolean;
  @ApiProperty()
  excludeSameDepartment!: boolean;
  @ApiProperty()
  peerMaxSeniorityGap!: number;
}

export class ProgramSettingsDto {
  @ApiProperty({ enum: PROGRAM_KINDS })
  kind!: ProgramKind;
  @ApiProperty({ enum: MATCHING_MODES })
  matchingMode!: MatchingMode;
  @ApiProperty({ type: CriteriaViewDto, description: 'Complete: as the matching engine resolved them.' })
  criteria!: CriteriaViewDto;
  @ApiProperty({ type: Number, nullable: true })
  trialDays!: number | null;
  @ApiProperty({ enum: TRIAL_NO_ANSWER_OUTCOMES })
  trialNoAnswer!: TrialNoAnswerOutcome;
  @ApiProperty({ enum: CHECK_IN_CADENCES })
  checkInCadence!: CheckInCadence;
  @ApiProperty()
  durationWeeks!: number;
  @ApiProperty()
  defaultMentorCapacity!: number;
  @ApiProperty({ type: Number, nullable: true })
  groupSize!: number | null;
  @ApiProperty()
  suggestionFloodFactor!: number;
  @ApiProperty()
  requestExpiryDays!: number;
  @ApiProperty()
  maxOpenRequestsPerMentee!: number;
  @ApiProperty({ type: AgreementTermsViewDto, nullable: true })
  agreementTemplate!: AgreementTermsViewDto | null;
  @ApiProperty()
  privateNotesToCoordinators!: boolean;
  @ApiProperty()
  pulseIntervalDays!: number;
  @ApiProperty()
  quietDays!: number;
  @ApiProperty({ type: String, isArray: true })
  disabledNotificationKinds!: string[];
  @ApiProperty({ type: MapTemplateViewDto, nullable: true })
  mapTemplate!: MapTemplateViewDto | null;
}

export class CreateProgramDto {
  @ApiProperty({ example: 'Engineering mentoring', ...lengthOf(FIELD_LIMITS.programName) })
  @IsTrimmedText(FIELD_LIMITS.programName)
  name!: string;

  @ApiPropertyOptional({ ...lengthOf(FIELD_LIMITS.programDescription) })
  @Omittable()
  @IsString()
  @MaxLength(FIELD_LIMITS.programDescription.max)
  description?: string;

  @ApiPropertyOptional({ type: ProgramSettingsInputDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ProgramSettingsInputDto)
  settings?: ProgramSettingsInputDto;
}

export class UpdateProgramDto {
  @ApiPropertyOptional({ ...lengthOf(FIELD_LIMITS.programName) })
  @Omittable()
  @IsTrimmedText(FIELD_LIMITS.programName)
  name?: string;

  @ApiPropertyOptional({ ...lengthOf(FIELD_LIMITS.programDescription) })
  @Omittable()
  @IsString()
  @MaxLength(FIELD_LIMITS.programDescription.max)
  description?: string;

  @ApiPropertyOptional({
    type: ProgramSettingsInputDto,
    description: 'Running cohorts keep the settings they started with.',
  })
  @Omittable()
  @ValidateNested()
  @Type(() => ProgramSettingsInputDto)
  settings?: ProgramSettingsInputDto;
}

export class ProgramViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ type: ProgramSettingsDto })
  settings!: ProgramSettingsDto;
  @ApiProperty({ description: 'Cohorts of the program, closed ones included.' })
  cohorts!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ProgramPageDto extends PageOf(ProgramViewDto) {}

export class ProgramQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROGRAM_KINDS })
  @IsOptional()
  @IsIn(PROGRAM_KINDS)
  kind?: ProgramKind;
}
