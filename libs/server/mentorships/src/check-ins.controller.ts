import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember, PageQueryDto } from '@mentorship/platform';
import { CheckInsService } from './check-ins.service';
import {
  CheckInPageDto,
  CheckInViewDto,
  LogCheckInDto,
  NotebookEntryInputDto,
  NotebookEntryViewDto,
  NotebookPageDto,
  PlanMeetingDto,
  PlannedMeetingViewDto,
} from './dto/check-in.dto';
import { matchId } from './match-access.service';
import { MeetingsService } from './meetings.service';
import { MentorshipsException } from './mentorships.exception';

const checkInId = new ParseUUIDPipe({ exceptionFactory: () => MentorshipsException.checkInNotFound() });

@ApiTags('check-ins')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'match_not_found'] })
@Controller('orgs/:orgId/matches/:matchId')
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly meetings: MeetingsService,
  ) {}

  @OrgMember()
  @Get('check-ins')
  @ApiOperation({
    summary: "The match's check-ins, newest meeting first",
    description: 'Private notes are shown to their writer (and coordinators where the program says so).',
  })
  @ApiOkResponse({ type: CheckInPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  list(@Param('matchId', matchId) id: string, @Query() query: PageQueryDto): Promise<CheckInPageDto> {
    return this.checkIns.list(id, query);
  }

  @OrgMember()
  @Post('check-ins')
  @ApiOperation({
    summary: 'Log a meeting, as the mentee or the mentor',
    description: 'Milestone progress marked done marks the milestone on the map (a new map version).',
  })
  @ApiCreatedResponse({ type: CheckInViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['match_side_only'], 409: ['match_not_running'] })
  log(@Param('matchId', matchId) id: string, @Body() body: LogCheckInDto): Promise<CheckInViewDto> {
    return this.checkIns.log(id, body);
  }

  @OrgMember()
  @Get('check-ins/:checkInId')
  @ApiOperation({ summary: 'One check-in' })
  @ApiOkResponse({ type: CheckInViewDto })
  @ApiErrorCodes({ 404: ['check_in_not_found'] })
  get(
    @Param('matchId', matchId) id: string,
    @Param('checkInId', checkInId) checkIn: string,
  ): Promise<CheckInViewDto> {
    return this.checkIns.get(id, checkIn);
  }

  @OrgMember()
  @Get('notebook')
  @ApiOperation({
    summary: "The match's shared notebook, newest first",
    description: "Others' private entries are left out (coordinators read them where the program says so).",
  })
  @ApiOkResponse({ type: NotebookPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  notebook(@Param('matchId', matchId) id: string, @Query() query: PageQueryDto): Promise<NotebookPageDto> {
    return this.checkIns.notebook(id, query);
  }

  @OrgMember()
  @Post('notebook')
  @ApiOperation({ summary: 'Post a reflection, a question or a result, as the mentee or the mentor' })
  @ApiCreatedResponse({ type: NotebookEntryViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['match_side_only'], 409: ['match_not_running'] })
  post(
    @Param('matchId', matchId) id: string,
    @Body() body: NotebookEntryInputDto,
  ): Promise<NotebookEntryViewDto> {
    return this.checkIns.post(id, body);
  }

  @OrgMember()
  @Get('next-meeting')
  @ApiOperation({ summary: 'The next meeting planned' })
  @ApiOkResponse({ type: PlannedMeetingViewDto })
  @ApiErrorCodes({ 404: ['meeting_not_planned'] })
  meeting(@Param('matchId', matchId) id: string): Promise<PlannedMeetingViewDto> {
    return this.meetings.get(id);
  }

  @OrgMember()
  @Put('next-meeting')
  @ApiOperation({
    summary: 'Plan the next meeting, in the organizer’s time zone (replaces the one planned)',
    description: "`startsAt` is a local time in the caller's profile time zone (UTC if unset).",
  })
  @ApiOkResponse({ type: PlannedMeetingViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['match_side_only'], 409: ['match_not_running'] })
  plan(@Param('matchId', matchId) id: string, @Body() body: PlanMeetingDto): Promise<PlannedMeetingViewDto> {
    return this.meetings.plan(id, body);
  }

  @OrgMember()
  @Get('next-meeting.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'The next meeting as an iCalendar (.ics) file',
    description:
      "In the organizer's time zone (VTIMEZONE and TZID); re-planning keeps its UID and bumps SEQUENCE.",
  })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'text/calendar' })
  @ApiErrorCodes({ 404: ['meeting_not_planned'] })
  async calendar(@Param('matchId', matchId) id: string): Promise<StreamableFile> {
    const file = await this.meetings.calendar(id);
    return new StreamableFile(Buffer.from(file.body, 'utf8'), {
      type: 'text/calendar; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
