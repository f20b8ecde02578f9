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
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrgInvitee, OrgMember } from '@mentorship/platform';
import {
  AcceptInvitationDto,
  InvitationPageDto,
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

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOkResponse({ type: InvitationPageDto })
  list(@Query() query: InvitationQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(query);
  }

  @OrgMember('admin')
  @Post()
  @ApiCreatedResponse({ type: InvitationViewDto })
  invite(@Body() body: InviteMemberDto): Promise<InvitationViewDto> {
    return this.invitations.invite(body);
  }

  /** Not a member yet: the signed token and the invitee's own address are the proof. */
  @OrgInvitee()
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberViewDto })
  accept(@Body() body: AcceptInvitationDto): Promise<MemberViewDto> {
    return this.invitations.accept(body.token);
  }

  /** Withdraws a pending invitation: its link stops working. */
  @OrgMember('admin')
  @Delete(':invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('invitationId', invitationId) id: string): Promise<void> {
    return this.invitations.revoke(id);
  }
}
