import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { CsvBody, PageQueryDto } from '@mentorship/platform';
import { CohortManagers, CohortRoutes, COHORT_NOT_FOUND } from './cohort-routes.decorators';
import type { Response } from 'express';
import { cohortIdParam } from './programs.exception';
import {
  ImportRowPageDto,
  ImportRowQueryDto,
  ParticipantImportPageDto,
  ParticipantImportViewDto,
} from './dto/participant-import.dto';
import { IMPORT_IN_REQUEST_MAX_ROWS, ParticipantImportsService } from './participant-imports.service';
import { ProgramsException } from './programs.exception';

const importId = new ParseUUIDPipe({ exceptionFactory: () => ProgramsException.importNotFound() });

@CohortRoutes('imports')
@Controller('orgs/:orgId/cohorts/:cohortId/imports')
export class ParticipantImportsController {
  constructor(private readonly imports: ParticipantImportsService) {}

  @CohortManagers({
    400: ['csv_malformed', 'csv_too_many_rows'],
    409: ['cohort_closed'],
    413: ['payload_too_large'],
    415: ['unsupported_media_type', 'unsupported_charset'],
  })
  @Post()
  @CsvBody(
    'Columns email, name, role (mentor or mentee), and optionally skills (Go:3|Rust:2), time_zone, languages (en|de), department, manager_email, capacity. UTF-8 with or without BOM, comma or semicolon, quotes, CRLF.',
  )
  @ApiOperation({
    summary: 'Upload a CSV file of participants: every row is checked, nothing is imported yet',
    description:
      'Answers the import with its counts; GET .../rows?status=rejected lists every rejected row with its line and reasons. A file that cannot be read (`csv_malformed`) stores nothing.',
  })
  @ApiCreatedResponse({ type: ParticipantImportViewDto })
  validate(
    @Param('cohortId', cohortIdParam) cohort: string,
    @Body() file: string,
  ): Promise<ParticipantImportViewDto> {
    return this.imports.validate(cohort, file);
  }

  @CohortManagers({ 400: ['validation_failed'] })
  @Get()
  @ApiOperation({ summary: "The cohort's imports, newest first" })
  @ApiOkResponse({ type: ParticipantImportPageDto })
  list(
    @Param('cohortId', cohortIdParam) cohort: string,
    @Query() query: PageQueryDto,
  ): Promise<ParticipantImportPageDto> {
    return this.imports.list(cohort, query);
  }

  @CohortManagers({ 404: [...COHORT_NOT_FOUND, 'import_not_found'] })
  @Get(':importId')
  @ApiOperation({ summary: 'One import: its status, counts and progress' })
  @ApiOkResponse({ type: ParticipantImportViewDto })
  get(
    @Param('cohortId', cohortIdParam) cohort: string,
    @Param('importId', importId) id: string,
  ): Promise<ParticipantImportViewDto> {
    return this.imports.get(cohort, id);
  }

  @CohortManagers({ 400: ['validation_failed'], 404: [...COHORT_NOT_FOUND, 'import_not_found'] })
  @Get(':importId/rows')
  @ApiOperation({ summary: 'The row report by line: valid rows and rejected ones with every reason' })
  @ApiOkResponse({ type: ImportRowPageDto })
  rows(
    @Param('cohortId', cohortIdParam) cohort: string,
    @Param('importId', importId) id: string,
    @Query() query: ImportRowQueryDto,
  ): Promise<ImportRowPageDto> {
    return this.imports.rows(cohort, id, query);
  }

  @CohortManagers({
    404: [...COHORT_NOT_FOUND, 'import_not_found'],
    409: ['import_not_pending', 'import_has_no_valid_rows', 'import_outdated', 'cohort_closed'],
  })
  @Post(':importId/commit')
  @ApiOperation({
    summary: 'Import the valid rows (all or none)',
    description: `Up to ${IMPORT_IN_REQUEST_MAX_ROWS} valid rows: imported now (200, status completed). More: a job imports them (202, status queued, then importing with progress, then completed or failed).`,
  })
  @ApiOkResponse({ type: ParticipantImportViewDto, description: 'Imported.' })
  @ApiAcceptedResponse({ type: ParticipantImportViewDto, description: 'Queued: follow it with GET.' })
  async commit(
    @Param('cohortId', cohortIdParam) cohort: string,
    @Param('importId', importId) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantImportViewDto> {
    const committed = await this.imports.commit(cohort, id);
    response.status(committed.status === 'completed' ? HttpStatus.OK : HttpStatus.ACCEPTED);
    return committed;
  }

  @CohortManagers({ 404: [...COHORT_NOT_FOUND, 'import_not_found'], 409: ['import_not_pending'] })
  @Delete(':importId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Discard a validated import: nothing is imported' })
  @ApiNoContentResponse()
  discard(
    @Param('cohortId', cohortIdParam) cohort: string,
    @Param('importId', importId) id: string,
  ): Promise<void> {
    return this.imports.discard(cohort, id);
  }
}
