import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { MatchActionDto, MatchDetailDto, MatchPageDto, MatchQueryDto } from './dto/match.dto';
import { TrialAnswerDto, TrialViewDto } from './dto/trial.dto';
import { MatchLifecycleService } from './match-lifecycle.service';
import { matchId } from './match-access.service';
import { TrialService } from './trial.service';

@ApiTags('matches')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'match_not_found'] })
@Controller('orgs/:orgId/matches')
export class MatchesController {
  constructor(
    private readonly lifecycle: MatchLifecycleService,
    private readonly trials: TrialService,
  ) {}

  @OrgMember()
  @Get()
  @ApiOperation({ summary: "The caller's matches, as mentor or mentee, newest first" })
  @ApiOkResponse({ type: MatchPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  listMine(@Query() query: MatchQueryDto): Promise<MatchPageDto> {
    return this.lifecycle.listMine(query);
  }

  @OrgMember()
  @Get(':matchId')
  @ApiOperation({
    summary: 'One match with its timeline and what the caller may do',
    description: 'Open to its mentee, its mentor and coordinators; anyone else gets 404.',
  })
  @ApiOkResponse({ type: MatchDetailDto })
  get(@Param('matchId', matchId) id: string): Promise<MatchDetailDto> {
    return this.lifecycle.get(id);
  }

  @OrgMember()
  @Post(':matchId/actions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Take a named action of the match state machine',
    description:
      'An action not open from the match status is a 409 `match_action_not_allowed` whose details name the allowed ones; an action open to another side is a 403 `match_action_forbidden`.',
  })
  @ApiOkResponse({ type: MatchDetailDto })
  @ApiErrorCodes({
    400: ['validation_failed', 'match_reason_required'],
    403: ['match_action_forbidden'],
    409: ['match_action_not_allowed', 'mentor_at_capacity', 'pair_already_matched'],
  })
  act(@Param('matchId', matchId) id: string, @Body() body: MatchActionDto): Promise<MatchDetailDto> {
    return this.lifecycle.act(id, body.action, body.reason, body.reasonCode);
  }

  @OrgMember()
  @Get(':matchId/trial')
  @ApiOperation({
    summary: "The match's trial: when it ends, when answers are due, the nudges, who answered",
    description: "Each side reads its own answer; the other's only as answered. Coordinators read all.",
  })
  @ApiOkResponse({ type: TrialViewDto })
  trial(@Param('matchId', matchId) id: string): Promise<TrialViewDto> {
    return this.trials.get(id);
  }

  @OrgMember()
  @Post(':matchId/trial/answers')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Answer "continue?" at the end of the trial, as its mentee or mentor',
    description:
      'Both yes: the match becomes active. Any no: the trial ends (trial_declined), no blame; the mentee is matched again ahead of new mentees, without this mentor.',
  })
  @ApiOkResponse({ type: TrialViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['trial_answer_not_a_side'],
    409: ['trial_not_running', 'trial_already_answered'],
  })
  answer(@Param('matchId', matchId) id: string, @Body() body: TrialAnswerDto): Promise<TrialViewDto> {
    return this.trials.answer(id, body);
  }
}
