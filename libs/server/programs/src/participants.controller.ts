import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember, PageQueryDto } from '@mentorship/platform';
import { CohortManagers, CohortRoutes, COHORT_NOT_FOUND } from './cohort-routes.decorators';
import { cohortIdParam } from './programs.exception';
import {
  ApplyDto,
  InviteParticipantDto,
  ParticipantPageDto,
  ParticipantViewDto,
  RosterQueryDto,
  WaitlistPageDto,
} from './dto/participant.dto';
import { ParticipantsService } from './participants.service';
import { ProgramsException } from './programs.exception';

const participantId = new ParseUUIDPipe({ exceptionFactory: () => ProgramsException.participantNotFound() });

/** The roster as coordinators run it: invitations, decisions on applications, the waitlist. */
@CohortRoutes('participants')
@Controller('orgs/:orgId/cohorts/:cohortId')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @CohortManagers({ 400: ['validation_failed'] })
  @Get('participants')
  @ApiOperation({ summary: 'The roster: mentors first, then by name; filter by role, status, skill or text' })
  @ApiOkResponse({ type: ParticipantPageDto })
  roster(
    @Param('cohortId', cohortIdParam) id: string,
    @Query() query: RosterQueryDto,
  ): Promise<ParticipantPageDto> {
    return this.participants.roster(id, query);
  }

  @CohortManagers({ 400: ['validation_failed'], 409: ['participant_exists', 'cohort_closed'] })
  @Post('participants')
  @ApiOperation({
    summary: 'Invite someone as mentor or mentee',
    description: 'Someone who is not a member yet also gets an invitation to the organization by email.',
  })
  @ApiCreatedResponse({ type: ParticipantViewDto })
  invite(
    @Param('cohortId', cohortIdParam) id: string,
    @Body() body: InviteParticipantDto,
  ): Promise<ParticipantViewDto> {
    return this.participants.invite(id, body);
  }

  @CohortManagers({ 404: [...COHORT_NOT_FOUND, 'participant_not_found'] })
  @Get('participants/:participantId')
  @ApiOperation({ summary: 'One participant' })
  @ApiOkResponse({ type: ParticipantViewDto })
  get(
    @Param('cohortId', cohortIdParam) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<ParticipantViewDto> {
    return this.participants.get(id, participant);
  }

  @CohortManagers({
    404: [...COHORT_NOT_FOUND, 'participant_not_found'],
    409: ['participant_status_conflict', 'cohort_closed'],
  })
  @Post('participants/:participantId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve an application: the applicant is enrolled' })
  @ApiOkResponse({ type: ParticipantViewDto })
  approve(
    @Param('cohortId', cohortIdParam) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<ParticipantViewDto> {
    return this.participants.approve(id, participant);
  }

  @CohortManagers({
    404: [...COHORT_NOT_FOUND, 'participant_not_found'],
    409: ['participant_status_conflict', 'cohort_closed'],
  })
  @Post('participants/:participantId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject an application' })
  @ApiOkResponse({ type: ParticipantViewDto })
  reject(
    @Param('cohortId', cohortIdParam) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<ParticipantViewDto> {
    return this.participants.reject(id, participant);
  }

  @CohortManagers({ 404: [...COHORT_NOT_FOUND, 'participant_not_found'], 409: ['cohort_closed'] })
  @Delete('participants/:participantId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Take someone off the roster' })
  @ApiNoContentResponse()
  remove(
    @Param('cohortId', cohortIdParam) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<void> {
    return this.participants.remove(id, participant);
  }

  @CohortManagers({ 400: ['validation_failed'] })
  @Get('waitlist')
  @ApiOperation({
    summary: 'Mentees waiting for a mentor place, in order of enrollment, and the capacity gap',
    description:
      'Places count each enrolled mentor’s capacity (the program default if unset), none while paused.',
  })
  @ApiOkResponse({ type: WaitlistPageDto })
  waitlist(
    @Param('cohortId', cohortIdParam) id: string,
    @Query() query: PageQueryDto,
  ): Promise<WaitlistPageDto> {
    return this.participants.waitlist(id, query);
  }
}

/** A member's own place in a cohort: apply, accept or decline an invitation, withdraw. */
@CohortRoutes('participation')
@Controller('orgs/:orgId/cohorts/:cohortId/participation')
export class ParticipationController {
  constructor(private readonly participants: ParticipantsService) {}

  @OrgMember()
  @Get()
  @ApiOperation({ summary: "The caller's own place in the cohort" })
  @ApiErrorCodes({ 404: [...COHORT_NOT_FOUND, 'participant_not_found'] })
  @ApiOkResponse({ type: ParticipantViewDto })
  mine(@Param('cohortId', cohortIdParam) id: string): Promise<ParticipantViewDto> {
    return this.participants.mine(id);
  }

  @OrgMember()
  @Post()
  @ApiOperation({
    summary: 'Apply as mentor or mentee; a coordinator approves or rejects',
    description:
      'While the cohort is enrolling and within its enrollment window (`enrollment_closed` otherwise).',
  })
  @ApiCreatedResponse({ type: ParticipantViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 409: ['participant_exists', 'enrollment_closed'] })
  apply(@Param('cohortId', cohortIdParam) id: string, @Body() body: ApplyDto): Promise<ParticipantViewDto> {
    return this.participants.apply(id, body);
  }

  @OrgMember()
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept the invitation to the cohort: the caller is enrolled' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrorCodes({
    404: [...COHORT_NOT_FOUND, 'participant_not_found'],
    409: ['participant_status_conflict', 'cohort_closed'],
  })
  accept(@Param('cohortId', cohortIdParam) id: string): Promise<ParticipantViewDto> {
    return this.participants.accept(id);
  }

  @OrgMember()
  @Post('decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline the invitation to the cohort' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrorCodes({
    404: [...COHORT_NOT_FOUND, 'participant_not_found'],
    409: ['participant_status_conflict', 'cohort_closed'],
  })
  decline(@Param('cohortId', cohortIdParam) id: string): Promise<ParticipantViewDto> {
    return this.participants.decline(id);
  }

  @OrgMember()
  @Delete()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Give up the place (invited, applied or enrolled)' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrorCodes({
    404: [...COHORT_NOT_FOUND, 'participant_not_found'],
    409: ['participant_status_conflict', 'cohort_closed'],
  })
  withdraw(@Param('cohortId', cohortIdParam) id: string): Promise<ParticipantViewDto> {
    return this.participants.withdraw(id);
  }
}
