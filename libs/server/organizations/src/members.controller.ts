import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { MemberPageDto, MemberQueryDto, MemberViewDto, RolesDto } from './dto/organization.dto';
import { MembersService } from './members.service';
import { OrganizationsException } from './organizations.exception';

const memberId = new ParseUUIDPipe({ exceptionFactory: () => OrganizationsException.memberNotFound() });

@ApiTags('members')
@ApiBearerAuth()
@Controller('orgs/:orgId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @ApiOperation({ summary: 'Members, paginated, optionally holding one role' })
  @ApiErrorCodes({
    400: ['validation_failed'],
    401: ['unauthenticated'],
    403: ['forbidden_role'],
    404: ['organization_not_found'],
  })
  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOkResponse({ type: MemberPageDto })
  list(@Query() query: MemberQueryDto): Promise<MemberPageDto> {
    return this.members.list(query);
  }

  @ApiOperation({ summary: 'One member' })
  @ApiErrorCodes({
    401: ['unauthenticated'],
    403: ['forbidden_role'],
    404: ['organization_not_found', 'member_not_found'],
  })
  @OrgMember('admin', 'coordinator')
  @Get(':userId')
  @ApiOkResponse({ type: MemberViewDto })
  get(@Param('userId', memberId) userId: string): Promise<MemberViewDto> {
    return this.members.get(userId);
  }

  @ApiOperation({ summary: "Change a member's roles (admins)" })
  @ApiErrorCodes({
    400: ['validation_failed'],
    401: ['unauthenticated'],
    403: ['forbidden_role'],
    404: ['organization_not_found', 'member_not_found'],
    409: ['last_admin'],
  })
  @OrgMember('admin')
  @Patch(':userId')
  @ApiOkResponse({ type: MemberViewDto })
  changeRoles(@Param('userId', memberId) userId: string, @Body() body: RolesDto): Promise<MemberViewDto> {
    return this.members.changeRoles(userId, body.roles);
  }

  @ApiOperation({ summary: 'Remove a member (admins)' })
  @ApiErrorCodes({
    401: ['unauthenticated'],
    403: ['forbidden_role'],
    404: ['organization_not_found', 'member_not_found'],
    409: ['last_admin'],
  })
  @OrgMember('admin')
  @Delete(':userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('userId', memberId) userId: string): Promise<void> {
    return this.members.remove(userId);
  }
}
