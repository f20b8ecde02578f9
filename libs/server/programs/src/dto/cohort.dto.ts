import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COHORT_STATUSES,
  FIELD_LIMITS,
  PARTICIPANT_ROLES,
  PARTICIPANT_STATUSES,
  type CohortStatus,
  type ParticipantRole,
  type ParticipantStatus,
} from '@mentorship/contracts';
import { lengthOf } from '@mentorship/people';
import { IsTrimmedText, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { IsIn, IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';
import { ProgramSettingsDto } from './program.dto';

/** A calendar day, YYYY-MM-DD, that exists. */
export const IsDay = () => applyDecorators(IsISO8601({ strict: true }), Length(10, 10));

export class CreateCohortDto {
  @ApiProperty({ example: 'Spring 2026', ...lengthOf(FIELD_LIMITS.cohortName) })
  @IsTrimmedText(FIELD_LIMITS.cohortName)
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    description: 'First day people can apply.',
  })
  @IsOptional()
  @IsDay()
  enrollmentOpensOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    description: 'Last day people can apply.',
  })
  @IsOptional()
  @IsDay()
  enrollmentClosesOn?: string | null;

  @ApiProperty({ format: 'date', example: '2026-04-01' })
  @IsDay()
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-09-30', description: 'After startsOn.' })
  @IsDay()
  endsOn!: string;
}

/** Every field optional: what is sent replaces what was there; the dates must still hold together. */
export class UpdateCohortDto {
  @ApiPropertyOptional({ ...lengthOf(FIELD_LIMITS.cohortName) })
  @Omittable()
  @IsTrimmedText(FIELD_LIMITS.cohortName)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsDay()
  enrollmentOpensOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsDay()
  enrollmentClosesOn?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @IsDay()
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @IsDay()
  endsOn?: string;
}

export class CohortTransitionDto {
  @ApiProperty({
    enum: COHORT_STATUSES,
    description: 'The status to move to; `allowedTransitions` says which are possible.',
  })
  @IsIn(COHORT_STATUSES)
  status!: CohortStatus;
}

export class OwnParticipationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  role!: ParticipantRole;
  @ApiProperty({ enum: PARTICIPANT_STATUSES })
  status!: ParticipantStatus;
}

export class CohortViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  programId!: string;
  @ApiProperty()
  programName!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: COHORT_STATUSES })
  status!: CohortStatus;
  @ApiProperty({ enum: COHORT_STATUSES, isArray: true, description: 'Where the status can go from here.' })
  allowedTransitions!: CohortStatus[];
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  enrollmentOpensOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  enrollmentClosesOn!: string | null;
  @ApiProperty({ format: 'date' })
  startsOn!: string;
  @ApiProperty({ format: 'date' })
  endsOn!: string;
  @ApiProperty({
    type: ProgramSettingsDto,
    description:
      "The cohort's settings: the program's while in draft, then the copy frozen when it left draft.",
  })
  settings!: ProgramSettingsDto;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the settings were frozen.',
  })
  settingsFrozenAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({
    type: OwnParticipationDto,
    nullable: true,
    description: "The caller's own place in the cohort (invited, applied, enrolled, ...), or null.",
  })
  participation!: OwnParticipationDto | null;
}

export class CohortPageDto extends PageOf(CohortViewDto) {}

export class CohortQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ enum: COHORT_STATUSES })
  @IsOptional()
  @IsIn(COHORT_STATUSES)
  status?: CohortStatus;
}
