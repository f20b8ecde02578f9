import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgMember, ApiErrorCodes } from '@mentorship/platform';
import { CohortsService } from './cohorts.service';
import { CohortViewDto, CreateCohortDto } from './dto/cohort.dto';
import {
  CreateProgramDto,
  ProgramPageDto,
  ProgramQueryDto,
  ProgramViewDto,
  UpdateProgramDto,
} from './dto/program.dto';
import { ProgramsException } from './programs.exception';
import { ProgramsService } from './programs.service';

const programId = new ParseUUIDPipe({ exceptionFactory: () => ProgramsException.programNotFound() });

@ApiTags('programs')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'program_not_found'] })
@Controller('orgs/:orgId/programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly cohorts: CohortsService,
  ) {}

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOperation({ summary: 'Programs, alphabetically, optionally of one kind' })
  @ApiOkResponse({ type: ProgramPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'] })
  list(@Query() query: ProgramQueryDto): Promise<ProgramPageDto> {
    return this.programs.list(query);
  }

  @OrgMember('admin', 'coordinator')
  @Post()
  @ApiOperation({
    summary: 'Create a program',
    description:
      'Settings left out take their defaults. Criteria are checked by the matching engine: what it refuses is a 400 `invalid_criteria` with its message.',
  })
  @ApiCreatedResponse({ type: ProgramViewDto })
  @ApiErrorCodes({
    400: ['validation_failed', 'invalid_criteria'],
    403: ['forbidden_role'],
    409: ['program_name_taken'],
  })
  create(@Body() body: CreateProgramDto): Promise<ProgramViewDto> {
    return this.programs.create(body);
  }

  @OrgMember('admin', 'coordinator')
  @Get(':programId')
  @ApiOperation({ summary: 'One program with its settings' })
  @ApiOkResponse({ type: ProgramViewDto })
  @ApiErrorCodes({ 403: ['forbidden_role'] })
  get(@Param('programId', programId) id: string): Promise<ProgramViewDto> {
    return this.programs.get(id);
  }

  @OrgMember('admin', 'coordinator')
  @Patch(':programId')
  @ApiOperation({
    summary: 'Edit a program',
    description: 'Cohorts that left draft keep the settings they froze; draft cohorts follow the program.',
  })
  @ApiOkResponse({ type: ProgramViewDto })
  @ApiErrorCodes({
    400: ['validation_failed', 'invalid_criteria'],
    403: ['forbidden_role'],
    409: ['program_name_taken'],
  })
  update(@Param('programId', programId) id: string, @Body() body: UpdateProgramDto): Promise<ProgramViewDto> {
    return this.programs.update(id, body);
  }

  @OrgMember('admin', 'coordinator')
  @Post(':programId/cohorts')
  @ApiOperation({ summary: 'Start a cohort of the program, in draft' })
  @ApiCreatedResponse({ type: CohortViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'], 409: ['cohort_name_taken'] })
  createCohort(
    @Param('programId', programId) id: string,
    @Body() body: CreateCohortDto,
  ): Promise<CohortViewDto> {
    return this.cohorts.create(id, body);
  }
}
