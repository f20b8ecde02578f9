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
import { OrgRoute } from '@mentorship/platform';
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
  @OrgRoute(['admin', 'coordinator'], { 400: ['validation_failed'] })
  @Get()
  @ApiOkResponse({ type: MemberPageDto })
  list(@Query() query: MemberQueryDto): Promise<MemberPageDto> {
    return this.members.list(query);
  }

  @ApiOperation({ summary: 'One member' })
  @OrgRoute(['admin', 'coordinator'], { 404: ['member_not_found'] })
  @Get(':userId')
  @ApiOkResponse({ type: MemberViewDto })
  get(@Param('userId', memberId) userId: string): Promise<MemberViewDto> {
    return this.members.get(userId);
  }

  @ApiOperation({ summary: "Change a member's roles (admins)" })
  @OrgRoute(['admin'], { 400: ['validation_failed'], 404: ['member_not_found'], 409: ['last_admin'] })
  @Patch(':userId')
  @ApiOkResponse({ type: MemberViewDto })
  changeRoles(@Param('userId', memberId) userId: string, @Body() body: RolesDto): Promise<MemberViewDto> {
    return this.members.changeRoles(userId, body.roles);
  }

  @ApiOperation({ summary: 'Remove a member (admins)' })
  @OrgRoute(['admin'], { 404: ['member_not_found'], 409: ['last_admin'] })
  @Delete(':userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('userId', memberId) userId: string): Promise<void> {
    return this.members.remove(userId);
  }
}
