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
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgInvitee, OrgRoute, Public } from '@mentorship/platform';
import {
  AcceptInvitationDto,
  InvitationPageDto,
  InvitationPreviewDto,
  InvitationPreviewRequestDto,
  InvitationQueryDto,
  InvitationViewDto,
  InviteMemberDto,
  MemberViewDto,
} from './dto/organization.dto';
import { InvitationsService } from './invitations.service';
import { OrganizationsException } from './organizations.exception';

const invitationId = new ParseUUIDPipe({
  exceptionFactory: () => OrganizationsException.invitationNotFound(),
});

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('orgs/:orgId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiOperation({ summary: 'Invitations, newest first, optionally of one status' })
  @OrgRoute(['admin', 'coordinator'], { 400: ['validation_failed'] })
  @Get()
  @ApiOkResponse({ type: InvitationPageDto })
  list(@Query() query: InvitationQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(query);
  }

  @ApiOperation({ summary: 'Invite someone by email (coordinators: mentors and mentees)' })
  @OrgRoute(['admin', 'coordinator'], {
    400: ['validation_failed'],
    403: ['role_not_grantable'],
    409: ['already_member', 'invitation_pending'],
  })
  /** Coordinators may invite mentors and mentees; admins any role (`role_not_grantable`). */
  @Post()
  @ApiCreatedResponse({ type: InvitationViewDto })
  invite(@Body() body: InviteMemberDto): Promise<InvitationViewDto> {
    return this.invitations.invite(body);
  }

  @ApiOperation({ summary: 'Accept an invitation as the invited address' })
  @ApiErrorCodes({
    400: ['validation_failed'],
    401: ['unauthenticated'],
    404: ['organization_not_found', 'invitation_not_found'],
    409: ['invitation_not_pending'],
    410: ['invitation_expired'],
  })
  /** Not a member yet: the signed token and the invitee's own address are the proof. */
  @OrgInvitee()
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberViewDto })
  accept(@Body() body: AcceptInvitationDto): Promise<MemberViewDto> {
    return this.invitations.accept(body.token);
  }

  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  @OrgRoute(['admin', 'coordinator'], {
    403: ['role_not_grantable'],
    404: ['invitation_not_found'],
    409: ['invitation_not_pending'],
  })
  /** Withdraws a pending invitation: its link stops working. */
  @Delete(':invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('invitationId', invitationId) id: string): Promise<void> {
    return this.invitations.revoke(id);
  }
}

/**
 * Before signing in: the emailed link (organization and token) names the organization, the
 * inviter and the roles offered, nothing more. Not under /orgs/:orgId, where every route needs
 * a membership or an invitee's sign-in: the organization id here is only what the token's
 * signature covers, never a tenant taken on trust (a POST, so the token stays out of URLs and
 * access logs).
 */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationPreviewController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiOperation({ summary: 'What an invitation link offers, before signing in' })
  @ApiErrorCodes({ 400: ['validation_failed'], 404: ['invitation_not_found'] })
  @Public()
  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Body() body: InvitationPreviewRequestDto): Promise<InvitationPreviewDto> {
    return this.invitations.preview(body.organizationId.toLowerCase(), body.token);
  }
}
