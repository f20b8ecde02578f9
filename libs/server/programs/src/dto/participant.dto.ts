import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  PARTICIPANT_ROLES,
  PARTICIPANT_SOURCES,
  PARTICIPANT_STATUSES,
  type ParticipantRole,
  type ParticipantSource,
  type ParticipantStatus,
} from '@mentorship/contracts';
import { NormalizeEmail } from '@mentorship/identity';
import { lengthOf } from '@mentorship/people';
import { IsTrimmedText, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class InviteParticipantDto {
  @ApiProperty({
    example: 'grace@example.org',
    description: 'Someone not yet a member is invited to the organization too.',
  })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(FIELD_LIMITS.email.max)
  email!: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @ApiPropertyOptional({
    description: 'How to call them until they join.',
    ...lengthOf(FIELD_LIMITS.displayName),
  })
  @Omittable()
  @IsTrimmedText(FIELD_LIMITS.displayName)
  name?: string;
}

export class ApplyDto {
  @ApiProperty({ enum: PARTICIPANT_ROLES, description: 'Take part as mentor or as mentee.' })
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @ApiPropertyOptional({
    description: 'Why, for the coordinator who decides.',
    ...lengthOf(FIELD_LIMITS.applicationMotivation),
  })
  @Omittable()
  @IsString()
  @MaxLength(FIELD_LIMITS.applicationMotivation.max)
  motivation?: string;
}

export class RosterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTICIPANT_ROLES })
  @IsOptional()
  @IsIn(PARTICIPANT_ROLES)
  role?: ParticipantRole;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'People whose profile offers or wants this skill.' })
  @IsOptional()
  @IsUUID()
  skillId?: string;

  @ApiPropertyOptional({ description: 'Part of the name or address, any case.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ParticipantSkillDto {
  @ApiProperty({ format: 'uuid' })
  skillId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ description: "A mentor's own level, or the level a mentee wants to reach." })
  level!: number;
}

export class ParticipantProfileDto {
  @ApiProperty({ type: String, nullable: true })
  timeZone!: string | null;
  @ApiProperty({ type: String, isArray: true })
  languages!: string[];
  @ApiProperty({ type: String, nullable: true })
  department!: string | null;
  @ApiProperty({
    type: ParticipantSkillDto,
    isArray: true,
    description: 'Offered (mentors) or wanted (mentees).',
  })
  skills!: ParticipantSkillDto[];
}

export class ParticipantViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Null until the person is a member who took the place.',
  })
  userId!: string | null;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  role!: ParticipantRole;
  @ApiProperty({ enum: PARTICIPANT_STATUSES })
  status!: ParticipantStatus;
  @ApiProperty({
    enum: PARTICIPANT_SOURCES,
    description: 'How they came: invitation, application or import.',
  })
  source!: ParticipantSource;
  @ApiProperty({ type: String, nullable: true })
  motivation!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  enrolledAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({
    type: ParticipantProfileDto,
    nullable: true,
    description: 'Null for someone who is not a member yet.',
  })
  profile!: ParticipantProfileDto | null;
}

export class ParticipantPageDto extends PageOf(ParticipantViewDto) {}

export class WaitlistEntryDto extends ParticipantViewDto {
  @ApiProperty({ description: '1 is the next mentee to be placed when a mentor place opens.' })
  position!: number;
}

export class CohortCapacityDto {
  @ApiProperty({ description: 'Enrolled mentors.' })
  mentors!: number;
  @ApiProperty({
    description: 'Mentee places they offer: capacity each (the program default if unset), none while paused.',
  })
  mentorPlaces!: number;
  @ApiProperty({ description: 'Enrolled mentees.' })
  mentees!: number;
  @ApiProperty({ description: 'Mentees who can be placed: the first ones in order of enrollment.' })
  placeable!: number;
  @ApiProperty({ description: 'Mentees waiting for a place.' })
  waiting!: number;
  @ApiProperty({ description: 'Mentor places missing for everyone to be placed (the waiting mentees).' })
  gap!: number;
}

export class WaitlistPageDto extends PageOf(WaitlistEntryDto) {
  @ApiProperty({ type: CohortCapacityDto })
  capacity!: CohortCapacityDto;
}
