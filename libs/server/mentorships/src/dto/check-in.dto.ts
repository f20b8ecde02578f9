import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS, NOTEBOOK_ENTRY_KINDS, type NotebookEntryKind } from '@mentorship/contracts';
import { trimmed } from '@mentorship/people';
import { IsIntIn, IsListOf, IsTrimmedText, Omittable, PageOf } from '@mentorship/platform';
import { IsDay } from '@mentorship/programs';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const line = FIELD_LIMITS.lifecycleLine;
const notes = FIELD_LIMITS.checkInNotes;
const ACTION_OWNERS = ['mentee', 'mentor', 'both'] as const;

export class ActionItemDto {
  @ApiProperty({ minLength: line.min, maxLength: line.max })
  @IsTrimmedText(line)
  text!: string;

  @ApiProperty({ enum: ACTION_OWNERS })
  @IsIn(ACTION_OWNERS)
  owner!: (typeof ACTION_OWNERS)[number];

  @ApiPropertyOptional({ description: 'Default false.' })
  @Omittable()
  @IsBoolean()
  done?: boolean;
}

export class MilestoneProgressDto {
  @ApiProperty({ format: 'uuid', description: "A milestone of the match's map." })
  @IsUUID()
  milestoneId!: string;

  @ApiProperty({ maxLength: line.max })
  @Transform(trimmed)
  @IsString()
  @MaxLength(line.max)
  note!: string;

  @ApiPropertyOptional({ description: 'The milestone is done: the map marks it (a new version).' })
  @Omittable()
  @IsBoolean()
  done?: boolean;
}

export class LogCheckInDto {
  @ApiProperty({ format: 'date', description: 'The day they met.' })
  @IsDay()
  heldOn!: string;

  @ApiProperty({ minimum: 1, maximum: 1440 })
  @IsIntIn({ min: 1, max: 1440 })
  durationMinutes!: number;

  @ApiPropertyOptional({ maxLength: notes.max, description: 'Both read these.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  sharedNotes?: string;

  @ApiPropertyOptional({
    maxLength: notes.max,
    description: "The writer's alone (and coordinators' where the program says so).",
  })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  privateNotes?: string;

  @ApiPropertyOptional({ type: ActionItemDto, isArray: true, maxItems: 20 })
  @Omittable()
  @IsListOf(() => ActionItemDto, 20)
  actionItems?: ActionItemDto[];

  @ApiPropertyOptional({ type: MilestoneProgressDto, isArray: true, maxItems: 20 })
  @Omittable()
  @IsListOf(() => MilestoneProgressDto, 20)
  milestoneProgress?: MilestoneProgressDto[];
}

export class ActionItemViewDto {
  @ApiProperty()
  text!: string;
  @ApiProperty({ enum: ACTION_OWNERS })
  owner!: (typeof ACTION_OWNERS)[number];
  @ApiProperty()
  done!: boolean;
}

export class MilestoneProgressViewDto {
  @ApiProperty({ format: 'uuid' })
  milestoneId!: string;
  @ApiProperty()
  note!: string;
  @ApiProperty()
  done!: boolean;
}

export class CheckInViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  matchId!: string;
  @ApiProperty({ format: 'date' })
  heldOn!: string;
  @ApiProperty()
  durationMinutes!: number;
  @ApiProperty()
  sharedNotes!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Shown to its writer (and coordinators where the program says so); null to others.',
  })
  privateNotes!: string | null;
  @ApiProperty({ type: ActionItemViewDto, isArray: true })
  actionItems!: ActionItemViewDto[];
  @ApiProperty({ type: MilestoneProgressViewDto, isArray: true })
  milestoneProgress!: MilestoneProgressViewDto[];
  @ApiProperty({ format: 'uuid' })
  loggedBy!: string;
  @ApiProperty({ format: 'date-time' })
  loggedAt!: string;
}

export class CheckInPageDto extends PageOf(CheckInViewDto) {}

export class NotebookEntryInputDto {
  @ApiProperty({ enum: NOTEBOOK_ENTRY_KINDS })
  @IsIn(NOTEBOOK_ENTRY_KINDS)
  kind!: NotebookEntryKind;

  @ApiProperty(lengthOfEntry())
  @IsTrimmedText(FIELD_LIMITS.notebookEntry)
  body!: string;

  @ApiPropertyOptional({
    description:
      "A private note: its writer's alone (and coordinators' where the program says so). Default false.",
  })
  @Omittable()
  @IsBoolean()
  private?: boolean;
}

function lengthOfEntry() {
  return { minLength: FIELD_LIMITS.notebookEntry.min, maxLength: FIELD_LIMITS.notebookEntry.max };
}

export class NotebookEntryViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  authorUserId!: string;
  @ApiProperty({ enum: NOTEBOOK_ENTRY_KINDS })
  kind!: NotebookEntryKind;
  @ApiProperty()
  body!: string;
  @ApiProperty()
  private!: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NotebookPageDto extends PageOf(NotebookEntryViewDto) {}

export class PlanMeetingDto {
  @ApiProperty({
    example: '2026-12-08T15:30',
    description: "Local date and time in the organizer's time zone (their profile's; UTC if unset).",
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'startsAt must be a local time, YYYY-MM-DDTHH:mm' })
  startsAt!: string;

  @ApiProperty({ minimum: 5, maximum: 480 })
  @IsIntIn({ min: 5, max: 480 })
  durationMinutes!: number;

  @ApiPropertyOptional({ maxLength: line.max, description: 'A room, or a video link.' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(line.max)
  location?: string;

  @ApiPropertyOptional({ maxLength: notes.max })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(notes.max)
  agenda?: string;
}

export class PlannedMeetingViewDto {
  @ApiProperty({ format: 'uuid' })
  matchId!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant it starts (UTC).' })
  startsAt!: string;
  @ApiProperty({ example: '2026-12-08T15:30', description: "The start in the organizer's zone." })
  localStart!: string;
  @ApiProperty({ example: 'Europe/Paris', description: "The organizer's IANA zone when planned." })
  timeZone!: string;
  @ApiProperty()
  durationMinutes!: number;
  @ApiProperty()
  location!: string;
  @ApiProperty()
  agenda!: string;
  @ApiProperty({ format: 'uuid' })
  plannedBy!: string;
  @ApiProperty({ description: 'The calendar sequence: bumped each time it is planned again.' })
  sequence!: number;
}
