import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { AnalyticsException } from './analytics.exception';
import { AnalyticsSettingsService } from './analytics-settings.service';
import { AnalyticsSettingsDto, RollupRunInputDto, RollupRunViewDto } from './dto/rollup-run.dto';
import { RollupRunsService } from './rollup-runs.service';

const runId = new ParseUUIDPipe({ exceptionFactory: () => AnalyticsException.rollupRunNotFound() });
const COMMON = { 401: ['unauthenticated'], 403: ['forbidden_role'] };

/** The rollups' controls: re-running a range of days, and the zone days are counted in. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('orgs/:orgId/analytics')
export class RollupRunsController {
  constructor(
    private readonly reruns: RollupRunsService,
    private readonly settings: AnalyticsSettingsService,
  ) {}

  @OrgMember('admin')
  @Post('rollup-runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Roll a range of days up again (after late data, such as a back-dated check-in)',
    description: 'Queued as a job: poll GET /analytics/rollup-runs/{runId} until its status is done.',
  })
  @ApiAcceptedResponse({ type: RollupRunViewDto })
  @ApiErrorCodes({ ...COMMON, 400: ['validation_failed'], 404: ['organization_not_found'] })
  request(@Body() body: RollupRunInputDto): Promise<RollupRunViewDto> {
    return this.reruns.request(body);
  }

  @OrgMember('admin')
  @Get('rollup-runs/:runId')
  @ApiOperation({ summary: 'A re-run of the rollups: queued or done' })
  @ApiOkResponse({ type: RollupRunViewDto })
  @ApiErrorCodes({ ...COMMON, 404: ['organization_not_found', 'rollup_run_not_found'] })
  get(@Param('runId', runId) id: string): Promise<RollupRunViewDto> {
    return this.reruns.get(id);
  }

  @OrgMember('admin', 'coordinator')
  @Get('settings')
  @ApiOperation({ summary: 'The time zone the analytics days and the nightly rollup follow' })
  @ApiOkResponse({ type: AnalyticsSettingsDto })
  @ApiErrorCodes({ ...COMMON, 404: ['organization_not_found'] })
  getSettings(): Promise<AnalyticsSettingsDto> {
    return this.settings.get();
  }

  @OrgMember('admin')
  @Put('settings')
  @ApiOperation({
    summary: 'Set the time zone of the analytics days (days already rolled up keep theirs until re-run)',
  })
  @ApiOkResponse({ type: AnalyticsSettingsDto })
  @ApiErrorCodes({ ...COMMON, 400: ['validation_failed'], 404: ['organization_not_found'] })
  setSettings(@Body() body: AnalyticsSettingsDto): Promise<AnalyticsSettingsDto> {
    return this.settings.set(body);
  }
}
