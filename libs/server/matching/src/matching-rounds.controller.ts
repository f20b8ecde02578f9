import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember, PageQueryDto } from '@mentorship/platform';
import {
  DryRunDto,
  DryRunViewDto,
  ProposalPageDto,
  ProposalQueryDto,
  RerunRoundDto,
  RoundPageDto,
  RoundViewDto,
  StartRoundDto,
} from './dto/matching-round.dto';
import { MatchingException } from './matching.exception';
import { MatchingRoundsService } from './matching-rounds.service';

const cohortId = new ParseUUIDPipe({ exceptionFactory: () => MatchingException.cohortNotFound() });
const roundId = new ParseUUIDPipe({ exceptionFactory: () => MatchingException.roundNotFound() });
const COMMON = { 401: ['unauthenticated'], 403: ['forbidden_role'] };

@ApiTags('matching rounds')
@ApiBearerAuth()
@Controller('orgs/:orgId/cohorts/:cohortId/matching-rounds')
export class CohortMatchingRoundsController {
  constructor(private readonly rounds: MatchingRoundsService) {}

  @OrgMember('admin', 'coordinator')
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Start a bulk matching round for a cohort in status matching',
    description:
      'Queued as a job: poll GET /matching-rounds/{roundId} for its phase and percent, then its proposals. One round of a cohort at a time.',
  })
  @ApiAcceptedResponse({ type: RoundViewDto })
  @ApiErrorCodes({
    ...COMMON,
    400: ['validation_failed'],
    404: ['organization_not_found', 'cohort_not_found'],
    409: ['cohort_not_matching', 'round_in_progress'],
  })
  start(@Param('cohortId', cohortId) cohort: string, @Body() body: StartRoundDto): Promise<RoundViewDto> {
    return this.rounds.start(cohort, body);
  }

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOperation({ summary: "The cohort's matching rounds, newest first" })
  @ApiOkResponse({ type: RoundPageDto })
  @ApiErrorCodes({
    ...COMMON,
    400: ['validation_failed'],
    404: ['organization_not_found', 'cohort_not_found'],
  })
  list(@Param('cohortId', cohortId) cohort: string, @Query() query: PageQueryDto): Promise<RoundPageDto> {
    return this.rounds.list(cohort, query);
  }
}

@ApiTags('matching rounds')
@ApiBearerAuth()
@Controller('orgs/:orgId/matching-rounds/:roundId')
export class MatchingRoundsController {
  constructor(private readonly rounds: MatchingRoundsService) {}

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOperation({
    summary:
      'One round: status, phase and percent while it runs; then its summary, unmatched mentees, mentor load and diff',
  })
  @ApiOkResponse({ type: RoundViewDto })
  @ApiErrorCodes({ ...COMMON, 404: ['organization_not_found', 'round_not_found'] })
  get(@Param('roundId', roundId) round: string): Promise<RoundViewDto> {
    return this.rounds.get(round);
  }

  @OrgMember('admin', 'coordinator')
  @Get('proposals')
  @ApiOperation({ summary: "The round's proposals with score and reasons, best first" })
  @ApiOkResponse({ type: ProposalPageDto })
  @ApiErrorCodes({
    ...COMMON,
    400: ['validation_failed'],
    404: ['organization_not_found', 'round_not_found'],
  })
  proposals(
    @Param('roundId', roundId) round: string,
    @Query() query: ProposalQueryDto,
  ): Promise<ProposalPageDto> {
    return this.rounds.proposalPage(round, query);
  }

  @OrgMember('admin', 'coordinator')
  @Post('reruns')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Fix, forbid or release pairs and solve again (warm), as a new round with a diff against this one',
  })
  @ApiAcceptedResponse({ type: RoundViewDto })
  @ApiErrorCodes({
    ...COMMON,
    400: ['validation_failed', 'round_pair_invalid'],
    404: ['organization_not_found', 'round_not_found', 'cohort_not_found'],
    409: ['round_not_completed', 'round_published', 'cohort_not_matching', 'round_in_progress'],
  })
  rerun(@Param('roundId', roundId) round: string, @Body() body: RerunRoundDto): Promise<RoundViewDto> {
    return this.rounds.rerun(round, body);
  }

  @OrgMember('admin', 'coordinator')
  @Post('dry-run')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Solve with other weights, rules or decisions and show the diff against this round; saves nothing',
  })
  @ApiOkResponse({ type: DryRunViewDto })
  @ApiErrorCodes({
    ...COMMON,
    400: [
      'validation_failed',
      'round_pair_invalid',
      'invalid_criteria',
      'round_too_large',
      'round_fixed_pairs_invalid',
    ],
    404: ['organization_not_found', 'round_not_found', 'cohort_not_found'],
    409: ['round_not_completed', 'cohort_not_matching'],
  })
  dryRun(@Param('roundId', roundId) round: string, @Body() body: DryRunDto): Promise<DryRunViewDto> {
    return this.rounds.dryRun(round, body);
  }

  @OrgMember('admin', 'coordinator')
  @Post('publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Turn the proposals into matches (all or none) and tell both sides by email; the round is final after this',
  })
  @ApiOkResponse({ type: RoundViewDto })
  @ApiErrorCodes({
    ...COMMON,
    404: ['organization_not_found', 'round_not_found', 'cohort_not_found'],
    409: [
      'round_not_completed',
      'round_published',
      'round_stale',
      'cohort_not_matching',
      'mentor_at_capacity',
      'pair_already_matched',
    ],
  })
  publish(@Param('roundId', roundId) round: string): Promise<RoundViewDto> {
    return this.rounds.publish(round);
  }
}
