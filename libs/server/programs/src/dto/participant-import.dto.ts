import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_STATUSES,
  PARTICIPANT_ROLES,
  type ImportStatus,
  type ParticipantRole,
} from '@mentorship/contracts';
import { PageOf, PageQueryDto } from '@mentorship/platform';
import { IsIn, IsOptional } from 'class-validator';

export class ImportRowCountsDto {
  @ApiProperty({ description: 'Data rows of the file (blank lines and the header not counted).' })
  total!: number;
  @ApiProperty()
  valid!: number;
  @ApiProperty()
  rejected!: number;
}

export class ImportProgressDto {
  @ApiProperty({
    description: 'Valid rows written so far; they become visible together when the import completes.',
  })
  processed!: number;
  @ApiProperty({ description: 'Valid rows to write.' })
  total!: number;
}

export class ParticipantImportViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty({
    enum: IMPORT_STATUSES,
    description:
      'validated: checked, nothing written; commit or discard it. queued/importing: a job is writing it. completed: every valid row is in. failed: nothing was written (see failure).',
  })
  status!: ImportStatus;
  @ApiProperty({ enum: [',', ';', '\t'], description: 'The separator the file uses.' })
  delimiter!: string;
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Header columns the import does not know: ignored.',
  })
  ignoredColumns!: string[];
  @ApiProperty({ type: ImportRowCountsDto })
  rows!: ImportRowCountsDto;
  @ApiProperty({ type: ImportProgressDto })
  progress!: ImportProgressDto;
  @ApiProperty({ description: 'Members enrolled by the import.' })
  enrolled!: number;
  @ApiProperty({ description: 'People not yet members: invited to the organization and the cohort.' })
  invited!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why a failed import wrote nothing.' })
  failure!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  committedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finishedAt!: string | null;
}

export class ParticipantImportPageDto extends PageOf(ParticipantImportViewDto) {}

export const IMPORT_ROW_FILTERS = ['valid', 'rejected'] as const;

export class ImportRowQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: IMPORT_ROW_FILTERS,
    description: 'Only the valid, or only the rejected rows.',
  })
  @IsOptional()
  @IsIn(IMPORT_ROW_FILTERS)
  status?: (typeof IMPORT_ROW_FILTERS)[number];
}

export class ImportRowViewDto {
  @ApiProperty({ description: 'The line of the file the row starts on (the header is line 1).' })
  line!: number;
  @ApiProperty({ enum: IMPORT_ROW_FILTERS })
  status!: (typeof IMPORT_ROW_FILTERS)[number];
  @ApiProperty({ type: String, nullable: true })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
  @ApiProperty({ enum: PARTICIPANT_ROLES, nullable: true })
  role!: ParticipantRole | null;
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Every reason a rejected row cannot be imported.',
  })
  reasons!: string[];
}

export class ImportRowPageDto extends PageOf(ImportRowViewDto) {}
