import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { cohortIdParam } from '@mentorship/programs';
import {
  CohortFeedbackDto,
  CohortSurveyViewDto,
  OutcomeInputDto,
  OutcomeViewDto,
  PulseInputDto,
  PulseViewDto,
  SurveyAnsweredDto,
  SurveyInputDto,
} from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';
import { matchId } from './match-access.service';

@ApiTags('feedback')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found'] })
@Controller('orgs/:orgId')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @OrgMember()
  @Get('matches/:matchId/pulse')
  @ApiOperation({
    summary: "The match's pulse survey: the period now, whether the caller's answer is due, their answers",
  })
  @ApiOkResponse({ type: PulseViewDto })
  @ApiErrorCodes({ 404: ['match_not_found'] })
  pulse(@Param('matchId', matchId) id: string): Promise<PulseViewDto> {
    return this.feedback.pulse(id);
  }

  @OrgMember()
  @Post('matches/:matchId/pulse')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Answer this period's pulse (1-5 and a comment), as the mentee or the mentor" })
  @ApiOkResponse({ type: PulseViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['match_side_only'],
    404: ['match_not_found'],
    409: ['match_not_running', 'pulse_already_answered'],
  })
  answerPulse(@Param('matchId', matchId) id: string, @Body() body: PulseInputDto): Promise<PulseViewDto> {
    return this.feedback.answerPulse(id, body);
  }

  @OrgMember()
  @Get('matches/:matchId/outcomes')
  @ApiOperation({
    summary: "The caller's own success measures of the match (null before they report; coordinators: null)",
  })
  @ApiOkResponse({ type: OutcomeViewDto })
  @ApiErrorCodes({ 404: ['match_not_found'] })
  outcome(@Param('matchId', matchId) id: string): Promise<OutcomeViewDto | null> {
    return this.feedback.outcome(id);
  }

  @OrgMember()
  @Put('matches/:matchId/outcomes')
  @ApiOperation({
    summary:
      'Report the success measures of the match: skills gained, project completed, career step, network grown',
  })
  @ApiOkResponse({ type: OutcomeViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['match_side_only'],
    404: ['match_not_found'],
    409: ['match_not_running'],
  })
  reportOutcome(
    @Param('matchId', matchId) id: string,
    @Body() body: OutcomeInputDto,
  ): Promise<OutcomeViewDto> {
    return this.feedback.reportOutcome(id, body);
  }

  @OrgMember()
  @Get('cohorts/:cohortId/survey')
  @ApiOperation({
    summary:
      "The caller's end-of-cohort survey: whether it takes their answer (the cohort closed), and their answer",
  })
  @ApiOkResponse({ type: CohortSurveyViewDto })
  @ApiErrorCodes({ 404: ['cohort_not_found'] })
  survey(@Param('cohortId', cohortIdParam) id: string): Promise<CohortSurveyViewDto> {
    return this.feedback.survey(id);
  }

  @OrgMember()
  @Post('cohorts/:cohortId/survey')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Answer the end-of-cohort survey (0-10: would you recommend it?), once' })
  @ApiOkResponse({ type: SurveyAnsweredDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['not_cohort_participant'],
    404: ['cohort_not_found'],
    409: ['cohort_not_closed', 'survey_already_answered'],
  })
  answerSurvey(
    @Param('cohortId', cohortIdParam) id: string,
    @Body() body: SurveyInputDto,
  ): Promise<SurveyAnsweredDto> {
    return this.feedback.answerSurvey(id, body);
  }

  @OrgMember('admin', 'coordinator')
  @Get('cohorts/:cohortId/feedback')
  @ApiOperation({
    summary:
      "The cohort's feedback in aggregate: pulses by period, the recommendation score, success measures",
    description: "Never per person; comments only where the program's privateNotesToCoordinators is on.",
  })
  @ApiOkResponse({ type: CohortFeedbackDto })
  @ApiErrorCodes({ 403: ['forbidden_role'], 404: ['cohort_not_found'] })
  cohortFeedback(@Param('cohortId', cohortIdParam) id: string): Promise<CohortFeedbackDto> {
    return this.feedback.cohortFeedback(id);
  }
}
