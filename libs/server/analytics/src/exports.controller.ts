import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { cohortIdParam } from '@mentorship/programs';
import { CohortExportQueryDto } from './dto/cohort-export.dto';
import { type ExportFile, ExportsService } from './exports.service';

const DOWNLOAD =
  'A download (Content-Disposition: attachment), streamed from a cursor: any size, flat memory.';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found'] })
@Controller('orgs/:orgId/analytics')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @OrgMember('admin', 'coordinator')
  @Get('cohorts/:cohortId/export/matches')
  @ApiOperation({
    summary: "Export a cohort's matches as CSV or JSON (streamed)",
    description:
      'One row per match: its people, status, dates, exit reason (coordinators read trial reasons), check-ins held. ' +
      DOWNLOAD,
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string' } })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'], 404: ['cohort_not_found'] })
  async matches(
    @Param('cohortId', cohortIdParam) id: string,
    @Query() query: CohortExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendStreamed(response, await this.exports.open(id, 'matches', query));
  }

  @OrgMember('admin', 'coordinator')
  @Get('cohorts/:cohortId/export/check-ins')
  @ApiOperation({
    summary: "Export a cohort's check-ins as CSV or JSON (streamed)",
    description:
      "One row per check-in. Private notes: the caller's own, and others' only where the program lets " +
      `coordinators read them (privateNotesToCoordinators). ${DOWNLOAD}`,
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string' } })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'], 404: ['cohort_not_found'] })
  async checkIns(
    @Param('cohortId', cohortIdParam) id: string,
    @Query() query: CohortExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendStreamed(response, await this.exports.open(id, 'check-ins', query));
  }

  @OrgMember('admin', 'coordinator')
  @Get('cohorts/:cohortId/export/feedback')
  @ApiOperation({
    summary: "Export a cohort's feedback (trial, pulse and survey answers) as CSV or JSON (streamed)",
    description:
      'One row per answer. Survey answers name no person; comments and private notes as for check-ins. ' +
      DOWNLOAD,
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string' } })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'], 404: ['cohort_not_found'] })
  async feedback(
    @Param('cohortId', cohortIdParam) id: string,
    @Query() query: CohortExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendStreamed(response, await this.exports.open(id, 'feedback', query));
  }
}

/**
 * Writes the file chunk by chunk, waiting whenever the socket's buffer is full, inside the
 * request's transaction (the handler resolves only when the last chunk is out, so the cursor
 * stays open until then). A client that goes away stops the reading, which closes the cursor.
 * A failure after the headers went out can only cut the transfer short.
 */
async function sendStreamed(response: Response, file: ExportFile): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  try {
    for await (const chunk of file.chunks) {
      if (response.destroyed) return;
      if (!response.write(chunk)) await drainedOrClosed(response);
    }
    response.end();
  } catch (error) {
    logger.error(`Export ${file.filename} failed after its headers were sent`, error);
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

const logger = new Logger('ExportsController');

/** Resolves when the socket takes more, or is gone; leaves no listener behind either way. */
function drainedOrClosed(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
