import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OrgInvitee, OrgMember, PageQueryDto } from '@mentorship/platform';
import {
  AcceptInvitationDto,
  InvitationPageDto,
  InvitationViewDto,
  InviteMemberDto,
  MemberViewDto,
} from './dto/organization.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('orgs/:orgId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOkResponse({ type: InvitationPageDto })
  list(@Query() query: PageQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(query);
  }

  @OrgMember('admin')
  @Post()
  @ApiCreatedResponse({ type: InvitationViewDto })
  invite(@CurrentUser() actor: AuthenticatedUser, @Body() body: InviteMemberDto): Promise<InvitationViewDto> {
    return this.invitations.invite(actor.id, body);
  }

  /** Not a member yet: the signed token and the invitee's own address are the proof. */
  @OrgInvitee()
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberViewDto })
  accept(
    @CurrentUser() invitee: AuthenticatedUser,
    @Body() body: AcceptInvitationDto,
  ): Promise<MemberViewDto> {
    return this.invitations.accept(invitee, body.token);
  }
}
