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
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember, OrgRoute } from '@mentorship/platform';
import {
  DeclineMatchRequestDto,
  MatchRequestPageDto,
  MatchRequestQueryDto,
  MatchRequestViewDto,
  ReceivedMatchRequestPageDto,
  SendMatchRequestDto,
} from './dto/match-request.dto';
import { MatchRequestsService } from './match-requests.service';
import { MatchingException } from './matching.exception';
import { cohortIdParam } from '@mentorship/programs';

const requestId = new ParseUUIDPipe({ exceptionFactory: () => MatchingException.requestNotFound() });

const ANSWER_ERRORS = {
  401: ['unauthenticated'],
  404: ['organization_not_found', 'match_request_not_found'],
  409: ['match_request_not_open'],
} as const;

/**
 * Structured match requests. Any member may call these routes: what they may do follows from
 * their part in the request (its mentee, its mentor), not from their organization role.
 */
@ApiTags('match requests')
@ApiBearerAuth()
@Controller('orgs/:orgId')
export class MatchRequestsController {
  constructor(private readonly requests: MatchRequestsService) {}

  @Post('cohorts/:cohortId/match-requests')
  @ApiOperation({
    summary: 'Send a structured match request to a mentor of the cohort',
    description:
      'For an enrolled mentee of a mentee-choice cohort. It expires after the program’s requestExpiryDays; a mentee has at most maxOpenRequestsPerMentee open at once, and one open request per mentor.',
  })
  @ApiCreatedResponse({ type: MatchRequestViewDto })
  @OrgRoute([], {
    400: ['validation_failed', 'mentor_not_in_cohort'],
    403: ['not_cohort_mentee'],
    404: ['cohort_not_found'],
    409: [
      'mentee_choice_off',
      'cohort_not_matching',
      'open_request_limit',
      'match_request_duplicate',
      'mentor_unavailable',
      'mentor_at_capacity',
    ],
  })
  send(
    @Param('cohortId', cohortIdParam) id: string,
    @Body() body: SendMatchRequestDto,
  ): Promise<MatchRequestViewDto> {
    return this.requests.send(id, body);
  }

  @Get('match-requests/sent')
  @ApiOperation({ summary: 'The requests I sent as a mentee, newest first' })
  @ApiOkResponse({ type: MatchRequestPageDto })
  @OrgRoute([], { 400: ['validation_failed'] })
  sent(@Query() query: MatchRequestQueryDto): Promise<MatchRequestPageDto> {
    return this.requests.list('mentee', query);
  }

  @Get('match-requests/received')
  @ApiOperation({
    summary: 'The requests I received as a mentor, newest first, and my free places',
  })
  @ApiOkResponse({ type: ReceivedMatchRequestPageDto })
  @OrgRoute([], { 400: ['validation_failed'] })
  received(@Query() query: MatchRequestQueryDto): Promise<ReceivedMatchRequestPageDto> {
    return this.requests.received(query);
  }

  @Get('match-requests/:requestId')
  @ApiOperation({ summary: 'One request: its mentee, its mentor, admins and coordinators see it' })
  @ApiOkResponse({ type: MatchRequestViewDto })
  @OrgRoute([], { 404: ['match_request_not_found'] })
  get(@Param('requestId', requestId) id: string): Promise<MatchRequestViewDto> {
    return this.requests.get(id);
  }

  @OrgMember()
  @Post('match-requests/:requestId/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Accept a request sent to me: creates the match (trial, or one conversation in flash programs)',
    description:
      'Never puts the mentor over capacity: with no free place the answer is 409 mentor_at_capacity and the request stays open.',
  })
  @ApiOkResponse({ type: MatchRequestViewDto })
  @ApiErrorCodes({
    ...ANSWER_ERRORS,
    409: [
      'match_request_not_open',
      'participant_not_enrolled',
      'mentor_at_capacity',
      'pair_already_matched',
      'cohort_not_matching',
      'mentee_choice_off',
    ],
  })
  accept(@Param('requestId', requestId) id: string): Promise<MatchRequestViewDto> {
    return this.requests.accept(id);
  }

  @OrgMember()
  @Post('match-requests/:requestId/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline a request sent to me, with a reason; optionally suggest another mentor' })
  @ApiOkResponse({ type: MatchRequestViewDto })
  @ApiErrorCodes({ ...ANSWER_ERRORS, 400: ['validation_failed', 'mentor_not_in_cohort'] })
  decline(
    @Param('requestId', requestId) id: string,
    @Body() body: DeclineMatchRequestDto,
  ): Promise<MatchRequestViewDto> {
    return this.requests.decline(id, body);
  }

  @OrgMember()
  @Post('match-requests/:requestId/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw a request I sent that is still open' })
  @ApiOkResponse({ type: MatchRequestViewDto })
  @ApiErrorCodes(ANSWER_ERRORS)
  withdraw(@Param('requestId', requestId) id: string): Promise<MatchRequestViewDto> {
    return this.requests.withdraw(id);
  }
}
