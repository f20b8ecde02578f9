import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMUNITY_LEVELS,
  FIELD_LIMITS,
  MAP_FLAGS,
  MAP_HELPER_KINDS,
  MAP_STAGES,
  MISSED_MILESTONE_CAUSES,
  type CommunityLevel,
  type MapFlag,
  type MapHelperKind,
  type MapStage,
  type MissedMilestoneCause,
} from '@mentorship/contracts';
import { trimmed, trimmedEach } from '@mentorship/people';
import { IsIntIn, IsListOf, IsTrimmedText, Omittable } from '@mentorship/platform';
import { IsDay } from '@mentorship/programs';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const line = FIELD_LIMITS.lifecycleLine;
const text = FIELD_LIMITS.lifecycleText;
export const MAX_MILESTONES = 20;
/** Members offered to a picker at once: enough to choose from while typing. */
export const MAP_PEOPLE_LIMIT = 20;

export class MapSkillDto {
  @ApiProperty({ minLength: line.min, maxLength: line.max })
  @IsTrimmedText(line)
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: "The mentee's own rating." })
  @IsIntIn({ min: 1, max: 5 })
  rating!: number;
}

export class CurrentStateDto {
  @ApiProperty({ type: MapSkillDto, isArray: true, maxItems: 20 })
  @IsListOf(() => MapSkillDto, 20)
  skills!: MapSkillDto[];

  @ApiProperty({ type: String, isArray: true, maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @Transform(trimmedEach)
  @IsString({ each: true })
  @Length(line.min, line.max, { each: true })
  performanceThemes!: string[];

  @ApiProperty({ maxLength: text.max, description: 'How they take part in their community now.' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  communityInvolvement!: string;
}

export class DesiredStateDto {
  @ApiProperty({ maxLength: text.max })
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  description!: string;

  @ApiProperty({ minimum: 1, maximum: 60, description: 'The time horizon, in months.' })
  @IsIntIn({ min: 1, max: 60 })
  horizonMonths!: number;
}

export class MapHelperDto {
  @ApiProperty({ enum: MAP_HELPER_KINDS })
  @IsIn(MAP_HELPER_KINDS)
  kind!: MapHelperKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A member; or a name and role.',
  })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: line.max })
  @IsOptional()
  @IsTrimmedText(line)
  name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: line.max })
  @IsOptional()
  @IsTrimmedText(line)
  role?: string | null;
}

export class MilestoneInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An existing milestone (kept, with its history); left out: a new one.',
  })
  @Omittable()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A new milestone that replaces this existing one (which leaves the map; its versions keep it).',
  })
  @Omittable()
  @IsUUID()
  replaces?: string;

  @ApiProperty({ minLength: line.min, maxLength: line.max })
  @IsTrimmedText(line)
  title!: string;

  @ApiProperty({ maxLength: text.max, description: 'The performance part (may be empty).' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  performance!: string;

  @ApiProperty({ maxLength: text.max, description: 'The community part (may be empty).' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(text.max)
  community!: string;

  @ApiProperty({ enum: MAP_STAGES })
  @IsIn(MAP_STAGES)
  stage!: MapStage;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Without one it is flagged.',
  })
  @IsOptional()
  @IsDay()
  dueOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: text.max,
    description: 'The measure of done; without one it is flagged.',
  })
  @IsOptional()
  @IsTrimmedText({ min: line.min, max: text.max })
  measure?: string | null;

  @ApiPropertyOptional({ type: MapHelperDto, isArray: true, maxItems: 10 })
  @Omittable()
  @IsListOf(() => MapHelperDto, 10)
  helpers?: MapHelperDto[];

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When it was done (null: not yet).',
  })
  @IsOptional()
  @IsDay()
  doneOn?: string | null;
}

export class SaveMapDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'The version the mentee read; required once the map exists.',
  })
  @Omittable()
  @IsIntIn({ min: 1, max: 1_000_000 })
  version?: number;

  @ApiProperty({ type: CurrentStateDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CurrentStateDto)
  currentState!: CurrentStateDto;

  @ApiProperty({ type: DesiredStateDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DesiredStateDto)
  desiredState!: DesiredStateDto;

  @ApiProperty({ enum: COMMUNITY_LEVELS })
  @IsIn(COMMUNITY_LEVELS)
  communityLevel!: CommunityLevel;

  @ApiProperty({
    type: MilestoneInputDto,
    isArray: true,
    maxItems: MAX_MILESTONES,
    description: 'In their order. Three to five are suggested; more are allowed.',
  })
  @IsListOf(() => MilestoneInputDto, MAX_MILESTONES)
  milestones!: MilestoneInputDto[];

  @ApiPropertyOptional({
    format: 'date',
    description: 'The next review; a month after the map starts by default.',
  })
  @Omittable()
  @IsDay()
  nextReviewOn?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A member who reviews the map with the mentee.',
  })
  @IsOptional()
  @IsUUID()
  buddyUserId?: string | null;
}

export class MapHelperViewDto {
  @ApiProperty({ enum: MAP_HELPER_KINDS })
  kind!: MapHelperKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
  @ApiProperty({ type: String, nullable: true })
  role!: string | null;
}

export class MilestoneViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  performance!: string;
  @ApiProperty()
  community!: string;
  @ApiProperty({ enum: MAP_STAGES })
  stage!: MapStage;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueOn!: string | null;
  @ApiProperty({ type: String, nullable: true })
  measure!: string | null;
  @ApiProperty({ type: MapHelperViewDto, isArray: true })
  helpers!: MapHelperViewDto[];
  @ApiProperty({ type: String, format: 'date', nullable: true })
  doneOn!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    isArray: true,
    description: 'Due dates missed before a retarget.',
  })
  missedDueDates!: string[];
  @ApiProperty({ description: 'Times missed: the dates above, and the due date if it passed undone.' })
  timesMissed!: number;
}

export class MapSkillViewDto {
  @ApiProperty()
  name!: string;
  @ApiProperty()
  rating!: number;
}

export class CurrentStateViewDto {
  @ApiProperty({ type: MapSkillViewDto, isArray: true })
  skills!: MapSkillViewDto[];
  @ApiProperty({ type: String, isArray: true })
  performanceThemes!: string[];
  @ApiProperty()
  communityInvolvement!: string;
}

export class DesiredStateViewDto {
  @ApiProperty()
  description!: string;
  @ApiProperty()
  horizonMonths!: number;
}

export class MapFlagDto {
  @ApiProperty({ enum: MAP_FLAGS })
  flag!: MapFlag;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The milestone it is about, if one.',
  })
  milestoneId!: string | null;
  @ApiProperty({
    enum: MISSED_MILESTONE_CAUSES,
    isArray: true,
    description: 'For a milestone missed twice: the usual causes, as prompts to adjust it.',
  })
  prompts!: MissedMilestoneCause[];
}

export class MapPersonDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  displayName!: string;
}

export class MapPeopleQueryDto {
  @ApiPropertyOptional({ maxLength: line.max, description: 'The start of a name (or of a word in it).' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(line.max)
  q?: string;
}

export class MapPeopleDto {
  @ApiProperty({ type: MapPersonDto, isArray: true, maxItems: MAP_PEOPLE_LIMIT, description: 'By name.' })
  items!: MapPersonDto[];
}

export class MapViewDto {
  @ApiProperty({ format: 'uuid' })
  matchId!: string;
  @ApiProperty({ format: 'uuid' })
  menteeUserId!: string;
  @ApiProperty()
  version!: number;
  @ApiProperty({ type: CurrentStateViewDto })
  currentState!: CurrentStateViewDto;
  @ApiProperty({ type: DesiredStateViewDto })
  desiredState!: DesiredStateViewDto;
  @ApiProperty({ enum: COMMUNITY_LEVELS })
  communityLevel!: CommunityLevel;
  @ApiProperty({ type: MilestoneViewDto, isArray: true })
  milestones!: MilestoneViewDto[];
  @ApiProperty({ format: 'date' })
  nextReviewOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  buddyUserId!: string | null;
  @ApiProperty({ type: MapFlagDto, isArray: true, description: 'What the map warns about now.' })
  flags!: MapFlagDto[];
  @ApiProperty({
    type: MapPersonDto,
    isArray: true,
    description:
      'The names of the members the map names (its buddy, helpers by member); one who left is absent.',
  })
  people!: MapPersonDto[];
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MapChangeDto {
  @ApiProperty({
    description:
      'created, state_changed, milestone_added, milestone_removed, milestone_replaced, milestone_retargeted, milestone_edited, milestone_done, milestones_reordered, review_changed, buddy_changed',
  })
  kind!: string;
  @ApiPropertyOptional({ format: 'uuid' })
  milestoneId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The milestone a replacement took the place of.' })
  replaced?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'A retarget: the due date before.' })
  from?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'A retarget: the due date after.' })
  to?: string | null;
}

export class MapVersionDto {
  @ApiProperty()
  version!: number;
  @ApiProperty({ type: MapChangeDto, isArray: true })
  changes!: MapChangeDto[];
  @ApiProperty({ type: CurrentStateViewDto })
  currentState!: CurrentStateViewDto;
  @ApiProperty({ type: DesiredStateViewDto })
  desiredState!: DesiredStateViewDto;
  @ApiProperty({ enum: COMMUNITY_LEVELS })
  communityLevel!: CommunityLevel;
  @ApiProperty({
    type: MilestoneViewDto,
    isArray: true,
    description: 'As saved (timesMissed as of that day).',
  })
  milestones!: MilestoneViewDto[];
  @ApiProperty({ format: 'date' })
  nextReviewOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  buddyUserId!: string | null;
  @ApiProperty({ format: 'uuid' })
  changedBy!: string;
  @ApiProperty({ format: 'date-time' })
  changedAt!: string;
}

export class MapVersionsDto {
  @ApiProperty({ type: MapVersionDto, isArray: true, description: 'Newest first.' })
  items!: MapVersionDto[];
}
