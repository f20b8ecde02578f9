import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgMember, ApiErrorCodes } from '@mentorship/platform';
import { CohortsService } from './cohorts.service';
import {
  CohortPageDto,
  CohortQueryDto,
  CohortTransitionDto,
  CohortViewDto,
  UpdateCohortDto,
} from './dto/cohort.dto';
import { cohortIdParam } from './programs.exception';

@ApiTags('cohorts')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'cohort_not_found'] })
@Controller('orgs/:orgId/cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @OrgMember()
  @Get()
  @ApiOperation({
    summary: 'Cohorts, newest start first',
    description: 'Admins and coordinators see every cohort; other members the cohorts open for enrollment.',
  })
  @ApiOkResponse({ type: CohortPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  list(@Query() query: CohortQueryDto): Promise<CohortPageDto> {
    return this.cohorts.list(query);
  }

  @OrgMember()
  @Get(':cohortId')
  @ApiOperation({ summary: 'One cohort, if the caller may see it' })
  @ApiOkResponse({ type: CohortViewDto })
  get(@Param('cohortId', cohortIdParam) id: string): Promise<CohortViewDto> {
    return this.cohorts.get(id);
  }

  @OrgMember('admin', 'coordinator')
  @Patch(':cohortId')
  @ApiOperation({ summary: "Rename a cohort or move its dates (not once it's closed)" })
  @ApiOkResponse({ type: CohortViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['forbidden_role'],
    409: ['cohort_name_taken', 'cohort_closed'],
  })
  update(
    @Param('cohortId', cohortIdParam) id: string,
    @Body() body: UpdateCohortDto,
  ): Promise<CohortViewDto> {
    return this.cohorts.update(id, body);
  }

  @OrgMember('admin', 'coordinator')
  @Post(':cohortId/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move the cohort along draft -> enrolling -> matching -> running -> closed',
    description:
      'An illegal step is a 409 `cohort_transition_not_allowed` whose details name the allowed ones. Leaving draft freezes the program settings into the cohort.',
  })
  @ApiOkResponse({ type: CohortViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['forbidden_role'],
    409: ['cohort_transition_not_allowed'],
  })
  transition(
    @Param('cohortId', cohortIdParam) id: string,
    @Body() body: CohortTransitionDto,
  ): Promise<CohortViewDto> {
    return this.cohorts.transition(id, body.status);
  }
}
