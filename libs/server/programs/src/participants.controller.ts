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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '@mentorship/people';
import { OrgMember, PageQueryDto } from '@mentorship/platform';
import { cohortId } from './cohorts.controller';
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
@ApiTags('participants')
@ApiBearerAuth()
@ApiErrors(401, 404)
@Controller('orgs/:orgId/cohorts/:cohortId')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @OrgMember('admin', 'coordinator')
  @Get('participants')
  @ApiOperation({ summary: 'The roster: mentors first, then by name; filter by role, status, skill or text' })
  @ApiOkResponse({ type: ParticipantPageDto })
  @ApiErrors(400, 403)
  roster(
    @Param('cohortId', cohortId) id: string,
    @Query() query: RosterQueryDto,
  ): Promise<ParticipantPageDto> {
    return this.participants.roster(id, query);
  }

  @OrgMember('admin', 'coordinator')
  @Post('participants')
  @ApiOperation({
    summary: 'Invite someone as mentor or mentee',
    description: 'Someone who is not a member yet also gets an invitation to the organization by email.',
  })
  @ApiCreatedResponse({ type: ParticipantViewDto })
  @ApiErrors(400, 403, 409)
  invite(
    @Param('cohortId', cohortId) id: string,
    @Body() body: InviteParticipantDto,
  ): Promise<ParticipantViewDto> {
    return this.participants.invite(id, body);
  }

  @OrgMember('admin', 'coordinator')
  @Get('participants/:participantId')
  @ApiOperation({ summary: 'One participant' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrors(403)
  get(
    @Param('cohortId', cohortId) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<ParticipantViewDto> {
    return this.participants.get(id, participant);
  }

  @OrgMember('admin', 'coordinator')
  @Post('participants/:participantId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve an application: the applicant is enrolled' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrors(403, 409)
  approve(
    @Param('cohortId', cohortId) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<ParticipantViewDto> {
    return this.participants.approve(id, participant);
  }

  @OrgMember('admin', 'coordinator')
  @Post('participants/:participantId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject an application' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrors(403, 409)
  reject(
    @Param('cohortId', cohortId) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<ParticipantViewDto> {
    return this.participants.reject(id, participant);
  }

  @OrgMember('admin', 'coordinator')
  @Delete('participants/:participantId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Take someone off the roster' })
  @ApiNoContentResponse()
  @ApiErrors(403)
  remove(
    @Param('cohortId', cohortId) id: string,
    @Param('participantId', participantId) participant: string,
  ): Promise<void> {
    return this.participants.remove(id, participant);
  }

  @OrgMember('admin', 'coordinator')
  @Get('waitlist')
  @ApiOperation({
    summary: 'Mentees waiting for a mentor place, in order of enrollment, and the capacity gap',
    description:
      'Places count each enrolled mentor’s capacity (the program default if unset), none while paused.',
  })
  @ApiOkResponse({ type: WaitlistPageDto })
  @ApiErrors(400, 403)
  waitlist(@Param('cohortId', cohortId) id: string, @Query() query: PageQueryDto): Promise<WaitlistPageDto> {
    return this.participants.waitlist(id, query);
  }
}

/** A member's own place in a cohort: apply, accept or decline an invitation, withdraw. */
@ApiTags('participation')
@ApiBearerAuth()
@ApiErrors(401, 404)
@Controller('orgs/:orgId/cohorts/:cohortId/participation')
export class ParticipationController {
  constructor(private readonly participants: ParticipantsService) {}

  @OrgMember()
  @Get()
  @ApiOperation({ summary: "The caller's own place in the cohort" })
  @ApiOkResponse({ type: ParticipantViewDto })
  mine(@Param('cohortId', cohortId) id: string): Promise<ParticipantViewDto> {
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
  @ApiErrors(400, 409)
  apply(@Param('cohortId', cohortId) id: string, @Body() body: ApplyDto): Promise<ParticipantViewDto> {
    return this.participants.apply(id, body);
  }

  @OrgMember()
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept the invitation to the cohort: the caller is enrolled' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrors(409)
  accept(@Param('cohortId', cohortId) id: string): Promise<ParticipantViewDto> {
    return this.participants.accept(id);
  }

  @OrgMember()
  @Post('decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline the invitation to the cohort' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrors(409)
  decline(@Param('cohortId', cohortId) id: string): Promise<ParticipantViewDto> {
    return this.participants.decline(id);
  }

  @OrgMember()
  @Delete()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Give up the place (invited, applied or enrolled)' })
  @ApiOkResponse({ type: ParticipantViewDto })
  @ApiErrors(409)
  withdraw(@Param('cohortId', cohortId) id: string): Promise<ParticipantViewDto> {
    return this.participants.withdraw(id);
  }
}
