import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS, SKILL_STATUSES, type SkillStatus } from '@mentorship/contracts';
import { IsTrimmedText, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

// The platform's, still exported here for the contexts that import them from people.
export { trimmed, trimmedEach } from '@mentorship/platform';

export class SkillViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'TypeScript' })
  name!: string;
  @ApiProperty({
    enum: SKILL_STATUSES,
    description: 'A retired skill stays on profiles but cannot be picked again.',
  })
  status!: SkillStatus;
  @ApiProperty({ description: 'How many profiles offer or want the skill.' })
  profiles!: number;
}

export class SkillPageDto extends PageOf(SkillViewDto) {}

export class SkillQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SKILL_STATUSES })
  @Omittable()
  @IsIn(SKILL_STATUSES)
  status?: SkillStatus;

  @ApiPropertyOptional({ description: 'Part of the name, any case.', maxLength: FIELD_LIMITS.skillName.max })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.skillName.max)
  q?: string;
}

export class CreateSkillDto {
  @ApiProperty({ example: 'Public speaking', ...lengthOf(FIELD_LIMITS.skillName) })
  @IsTrimmedText(FIELD_LIMITS.skillName)
  name!: string;
}

export class UpdateSkillDto {
  @ApiPropertyOptional({
    description: 'Renames the skill; profiles keep it.',
    ...lengthOf(FIELD_LIMITS.skillName),
  })
  @Omittable()
  @IsTrimmedText(FIELD_LIMITS.skillName)
  name?: string;

  @ApiPropertyOptional({
    enum: SKILL_STATUSES,
    description: '`retired` retires the skill, `active` restores it.',
  })
  @Omittable()
  @IsIn(SKILL_STATUSES)
  status?: SkillStatus;
}

export class MergeSkillDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'The active skill that takes over: profiles with the merged skill get this one (the higher level when they have both).',
  })
  @IsUUID()
  intoSkillId!: string;
}

export class SkillMergeResultDto {
  @ApiProperty({ type: SkillViewDto, description: 'The skill merged into, as it is now.' })
  skill!: SkillViewDto;
  @ApiProperty({ description: 'Profile entries moved over to it.' })
  movedProfileSkills!: number;
}

export class SkillImportReportDto {
  @ApiProperty({ type: SkillViewDto, isArray: true, description: 'Skills the file added.' })
  added!: SkillViewDto[];
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Names of the file the catalogue already had (any case).',
  })
  alreadyPresent!: string[];
}

/** minLength/maxLength for OpenAPI from a FIELD_LIMITS entry. */
export function lengthOf(limit: { min?: number; max: number }): { minLength?: number; maxLength: number } {
  return { ...(limit.min !== undefined ? { minLength: limit.min } : {}), maxLength: limit.max };
}
