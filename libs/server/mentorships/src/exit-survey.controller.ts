import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { ExitSurveyInputDto, ExitSurveyViewDto } from './dto/exit-survey.dto';
import { ExitSurveyService } from './exit-survey.service';
import { matchId } from './match-access.service';

@ApiTags('matches')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'match_not_found'] })
@Controller('orgs/:orgId/matches/:matchId/exit-survey')
export class ExitSurveyController {
  constructor(private readonly surveys: ExitSurveyService) {}

  @OrgMember()
  @Get()
  @ApiOperation({
    summary: "The match's exit survey: whether it is open, who answered",
    description: "Each side reads its own answer, the other's only as answered; coordinators read both.",
  })
  @ApiOkResponse({ type: ExitSurveyViewDto })
  get(@Param('matchId', matchId) id: string): Promise<ExitSurveyViewDto> {
    return this.surveys.get(id);
  }

  @OrgMember()
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Answer the exit survey of a match that ended or completed, once, as its mentee or mentor',
  })
  @ApiOkResponse({ type: ExitSurveyViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['match_side_only'],
    409: ['exit_survey_not_open', 'exit_survey_already_answered'],
  })
  answer(
    @Param('matchId', matchId) id: string,
    @Body() body: ExitSurveyInputDto,
  ): Promise<ExitSurveyViewDto> {
    return this.surveys.answer(id, body);
  }
}
