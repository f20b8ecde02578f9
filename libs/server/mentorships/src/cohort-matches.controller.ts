import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { cohortIdParam } from '@mentorship/programs';
import { MatchPageDto, MatchQueryDto } from './dto/match.dto';
import { MatchLifecycleService } from './match-lifecycle.service';

/** A cohort's matches as its coordinators follow them (the cohort page's Matches tab). */
@ApiTags('matches')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'cohort_not_found'] })
@Controller('orgs/:orgId/cohorts/:cohortId/matches')
export class CohortMatchesController {
  constructor(private readonly lifecycle: MatchLifecycleService) {}

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOperation({
    summary: "A cohort's matches in every state, the latest change first (coordinators and admins)",
  })
  @ApiOkResponse({ type: MatchPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'] })
  list(
    @Param('cohortId', cohortIdParam) cohortId: string,
    @Query() query: MatchQueryDto,
  ): Promise<MatchPageDto> {
    return this.lifecycle.listOfCohort(cohortId, query);
  }
}
