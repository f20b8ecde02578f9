import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { DashboardService } from './dashboard.service';
import {
  CohortComparisonDto,
  DashboardQueryDto,
  DateRangeQueryDto,
  EngagementDto,
  EngagementQueryDto,
  ExitsDto,
  ParticipationDto,
  RetentionDto,
  TimeToMatchDto,
  TrialFunnelDto,
  UtilizationDto,
} from './dto/dashboard.dto';

const FILTERED = {
  400: ['validation_failed'],
  401: ['unauthenticated'],
  403: ['forbidden_role'],
  404: ['organization_not_found', 'program_not_found', 'cohort_not_found'],
};

/** One route per chart of the dashboard, each read from the rollups only (admins and coordinators). */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('orgs/:orgId/analytics')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @OrgMember('admin', 'coordinator')
  @Get('retention')
  @ApiOperation({
    summary:
      'Cohort retention curves: mentees still in a running or completed match 30, 90 and 180 days after starting',
  })
  @ApiOkResponse({ type: RetentionDto })
  @ApiErrorCodes(FILTERED)
  retention(@Query() query: DashboardQueryDto): Promise<RetentionDto> {
    return this.dashboard.retention(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('trial-funnel')
  @ApiOperation({
    summary: 'The trial funnel (proposed, accepted, trial, active, completed), trial conversion and requests',
  })
  @ApiOkResponse({ type: TrialFunnelDto })
  @ApiErrorCodes(FILTERED)
  trialFunnel(@Query() query: DashboardQueryDto): Promise<TrialFunnelDto> {
    return this.dashboard.trialFunnel(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('engagement')
  @ApiOperation({
    summary: 'Engagement over time: active matches, check-ins per active match, milestones, pulse and NPS',
  })
  @ApiOkResponse({ type: EngagementDto })
  @ApiErrorCodes(FILTERED)
  engagement(@Query() query: EngagementQueryDto): Promise<EngagementDto> {
    return this.dashboard.engagement(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('utilization')
  @ApiOperation({
    summary: "Mentor utilization on the range's last day: places used of places offered, histogram",
  })
  @ApiOkResponse({ type: UtilizationDto })
  @ApiErrorCodes(FILTERED)
  utilization(@Query() query: DashboardQueryDto): Promise<UtilizationDto> {
    return this.dashboard.utilization(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('time-to-match')
  @ApiOperation({
    summary: 'Time to match (request or enrollment to accepted): median, p90 and histogram in days',
  })
  @ApiOkResponse({ type: TimeToMatchDto })
  @ApiErrorCodes(FILTERED)
  timeToMatch(@Query() query: DashboardQueryDto): Promise<TimeToMatchDto> {
    return this.dashboard.timeToMatch(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('participation')
  @ApiOperation({
    summary: 'Participants vs non-participants: members still members 6 and 12 months after joining',
    description:
      'Organization-wide (no program or cohort filter); the end of a membership is the outcome proxy.',
  })
  @ApiOkResponse({ type: ParticipationDto })
  @ApiErrorCodes({ ...FILTERED, 404: ['organization_not_found'] })
  participation(@Query() query: DateRangeQueryDto): Promise<ParticipationDto> {
    return this.dashboard.participation(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('exits')
  @ApiOperation({ summary: 'Matches ended and trials declined, by who ended them (reasons stay private)' })
  @ApiOkResponse({ type: ExitsDto })
  @ApiErrorCodes(FILTERED)
  exits(@Query() query: DashboardQueryDto): Promise<ExitsDto> {
    return this.dashboard.exits(query);
  }

  @OrgMember('admin', 'coordinator')
  @Get('cohorts')
  @ApiOperation({
    summary: 'Per-cohort comparison: matches, trials, engagement, retention, time to match, utilization',
  })
  @ApiOkResponse({ type: CohortComparisonDto })
  @ApiErrorCodes(FILTERED)
  cohorts(@Query() query: DashboardQueryDto): Promise<CohortComparisonDto> {
    return this.dashboard.cohortComparison(query);
  }
}
