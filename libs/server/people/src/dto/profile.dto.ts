import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  MAX_MENTOR_CAPACITY,
  MENTOR_TYPES,
  SENIORITY,
  SKILL_LEVEL,
  SKILL_STATUSES,
  type MentorType,
  type SkillStatus,
} from '@mentorship/contracts';
import { NormalizeEmail } from '@mentorship/identity';
import { IsIntIn, IsTrimmedText, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  availabilityProblems,
  canonicalTimeZone,
  languageCode,
  type AvailabilitySlot,
} from '../profile-values.service';
import { lengthOf, trimmedEach } from './skill.dto';

const MAX_SKILLS = 30;
const MAX_TAGS = 20;
const MAX_LANGUAGES = 10;
const MAX_SLOTS = 42;

/** A zone the platform's time-zone data knows; stored as it spells it (`europe/berlin` -> `Europe/Berlin`). */
function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && canonicalTimeZone(value) !== null,
        defaultMessage: (args) => `${args?.property} must be an IANA time zone such as Europe/Berlin`,
      },
    },
    options,
  );
}

/** A language as an ISO 639 code (`de`) or its English name (`German`); stored as the code. */
function IsLanguage(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLanguage',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && languageCode(value) !== null,
        defaultMessage: (args) =>
          `each value in ${args?.property} must be a known ISO 639 language code such as en`,
      },
    },
    options,
  );
}

/** Well-formed slots that do not overlap; the message names the slot (`availability.2 overlaps availability.0`). */
function IsWeeklyAvailability(): PropertyDecorator {
  return ValidateBy({
    name: 'isWeeklyAvailability',
    validator: {
      validate: (value: unknown) => availabilityProblems(value).length === 0,
      defaultMessage: (args) =>
        availabilityProblems(args?.value)
          .map((problem) => `${problem.field} ${problem.problems.join(', ')}`)
          .join('; '),
    },
  });
}

export class AvailabilitySlotDto implements AvailabilitySlot {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Monday .. 6 = Sunday, in the profile time zone.' })
  @IsIntIn({ min: 0, max: 6 })
  day!: number;

  @ApiProperty({ example: '09:00', description: 'HH:MM on a quarter hour.' })
  @IsString()
  @MaxLength(5)
  start!: string;

  @ApiProperty({
    example: '10:30',
    description: 'HH:MM on a quarter hour, or 24:00; at or before the start, the slot runs past midnight.',
  })
  @IsString()
  @MaxLength(5)
  end!: string;
}

export class OfferedSkillDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active skill of the catalogue, or a retired one this list already has.',
  })
  @IsUUID()
  skillId!: string;

  @ApiProperty({ minimum: SKILL_LEVEL.min, maximum: SKILL_LEVEL.max, description: "The mentor's own level." })
  @IsIntIn(SKILL_LEVEL)
  level!: number;
}

export class WantedSkillDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active skill of the catalogue, or a retired one this list already has.',
  })
  @IsUUID()
  skillId!: string;

  @ApiProperty({
    minimum: SKILL_LEVEL.min,
    maximum: SKILL_LEVEL.max,
    description: 'The level the mentee wants to reach.',
  })
  @IsIntIn(SKILL_LEVEL)
  targetLevel!: number;
}

/** Every field is optional: what is sent replaces what was there (lists as a whole), the rest stays. */
export class UpdateProfileDto {
  @ApiPropertyOptional({
    type: String,
    example: 'Europe/Berlin',
    nullable: true,
    description: 'IANA time zone.',
  })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['en', 'de'], maxItems: MAX_LANGUAGES })
  @Omittable()
  @Transform(trimmedEach)
  @ArrayMaxSize(MAX_LANGUAGES)
  @IsLanguage({ each: true })
  languages?: string[];

  @ApiPropertyOptional({
    type: Number,
    minimum: SENIORITY.min,
    maximum: SENIORITY.max,
    nullable: true,
    description: '1 junior, 2 intermediate, 3 senior, 4 staff or lead, 5 principal or manager, 6 executive.',
  })
  @IsOptional()
  @IsIntIn(SENIORITY)
  seniority?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Engineering',
    ...lengthOf(FIELD_LIMITS.profileText),
  })
  @IsOptional()
  @IsTrimmedText(FIELD_LIMITS.profileText)
  department?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'manager@example.org',
    description: "The person's manager.",
  })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(FIELD_LIMITS.email.max)
  managerEmail?: string | null;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['public speaking'], maxItems: MAX_TAGS })
  @Omittable()
  @Transform(trimmedEach)
  @ArrayMaxSize(MAX_TAGS)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(FIELD_LIMITS.profileText.min, FIELD_LIMITS.profileText.max, { each: true })
  goals?: string[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['system design'], maxItems: MAX_TAGS })
  @Omittable()
  @Transform(trimmedEach)
  @ArrayMaxSize(MAX_TAGS)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(FIELD_LIMITS.profileText.min, FIELD_LIMITS.profileText.max, { each: true })
  topics?: string[];

  @ApiPropertyOptional({
    enum: MENTOR_TYPES,
    isArray: true,
    description: 'Kinds of mentoring offered as a mentor.',
  })
  @Omittable()
  @ArrayUnique()
  @IsIn(MENTOR_TYPES, { each: true })
  offeredMentorTypes?: MentorType[];

  @ApiPropertyOptional({
    enum: MENTOR_TYPES,
    isArray: true,
    description: 'Kinds of mentoring wanted as a mentee.',
  })
  @Omittable()
  @ArrayUnique()
  @IsIn(MENTOR_TYPES, { each: true })
  wantedMentorTypes?: MentorType[];

  @ApiPropertyOptional({ type: OfferedSkillDto, isArray: true, maxItems: MAX_SKILLS })
  @Omittable()
  @ArrayMaxSize(MAX_SKILLS)
  @ValidateNested({ each: true })
  @Type(() => OfferedSkillDto)
  offeredSkills?: OfferedSkillDto[];

  @ApiPropertyOptional({ type: WantedSkillDto, isArray: true, maxItems: MAX_SKILLS })
  @Omittable()
  @ArrayMaxSize(MAX_SKILLS)
  @ValidateNested({ each: true })
  @Type(() => WantedSkillDto)
  wantedSkills?: WantedSkillDto[];

  @ApiPropertyOptional({
    type: AvailabilitySlotDto,
    isArray: true,
    maxItems: MAX_SLOTS,
    description: 'Weekly slots in the profile time zone; they may not overlap.',
  })
  @Omittable()
  @ArrayMaxSize(MAX_SLOTS)
  @ValidateNested({ each: true })
  @Type(() => AvailabilitySlotDto)
  @IsWeeklyAvailability()
  availability?: AvailabilitySlotDto[];

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: MAX_MENTOR_CAPACITY,
    nullable: true,
    description: "Mentees at once; null takes the program's default.",
  })
  @IsOptional()
  @IsIntIn({ min: 0, max: MAX_MENTOR_CAPACITY })
  mentorCapacity?: number | null;

  @ApiPropertyOptional({ description: 'A paused mentor takes no new mentees.' })
  @Omittable()
  @IsBoolean()
  paused?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-09-01',
    description: 'The day the pause ends (YYYY-MM-DD); null pauses until switched off.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  pauseEndsOn?: string | null;
}

class ProfileSkillRefDto {
  @ApiProperty({ format: 'uuid' })
  skillId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: SKILL_STATUSES, description: 'A retired skill stays on the profile until removed.' })
  status!: SkillStatus;
}

export class OfferedSkillViewDto extends ProfileSkillRefDto {
  @ApiProperty({ minimum: SKILL_LEVEL.min, maximum: SKILL_LEVEL.max, description: "The mentor's own level." })
  level!: number;
}

export class WantedSkillViewDto extends ProfileSkillRefDto {
  @ApiProperty({
    minimum: SKILL_LEVEL.min,
    maximum: SKILL_LEVEL.max,
    description: 'The level the mentee wants to reach.',
  })
  targetLevel!: number;
}

export class ProfileViewDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ type: String, nullable: true })
  timeZone!: string | null;
  @ApiProperty({ type: String, isArray: true })
  languages!: string[];
  @ApiProperty({ type: Number, nullable: true })
  seniority!: number | null;
  @ApiProperty({ type: String, nullable: true })
  department!: string | null;
  @ApiProperty({ type: String, nullable: true })
  managerEmail!: string | null;
  @ApiProperty({ type: String, isArray: true })
  goals!: string[];
  @ApiProperty({ type: String, isArray: true })
  topics!: string[];
  @ApiProperty({ enum: MENTOR_TYPES, isArray: true })
  offeredMentorTypes!: MentorType[];
  @ApiProperty({ enum: MENTOR_TYPES, isArray: true })
  wantedMentorTypes!: MentorType[];
  @ApiProperty({ type: OfferedSkillViewDto, isArray: true, description: 'Skills offered as a mentor.' })
  offeredSkills!: OfferedSkillViewDto[];
  @ApiProperty({ type: WantedSkillViewDto, isArray: true, description: 'Skills wanted as a mentee.' })
  wantedSkills!: WantedSkillViewDto[];
  @ApiProperty({ type: AvailabilitySlotDto, isArray: true })
  availability!: AvailabilitySlotDto[];
  @ApiProperty({ type: Number, nullable: true })
  mentorCapacity!: number | null;
  @ApiProperty()
  paused!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  pauseEndsOn!: string | null;
  @ApiProperty({ description: 'Paused today: switched on, and its end date (if any) not reached.' })
  pausedNow!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Null until first saved.' })
  updatedAt!: string | null;
}

export class ProfilePageDto extends PageOf(ProfileViewDto) {}

export class ProfileQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'People who offer or want this skill.' })
  @IsOptional()
  @IsUUID()
  skillId?: string;

  @ApiPropertyOptional({
    description: 'Exact department, any case.',
    maxLength: FIELD_LIMITS.profileText.max,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.profileText.max)
  department?: string;
}
