import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgMember, ApiErrorCodes } from '@mentorship/platform';
import { ProfilePageDto, ProfileQueryDto, ProfileViewDto, UpdateProfileDto } from './dto/profile.dto';
import { PeopleException } from './people.exception';
import { ProfilesService } from './profiles.service';

const userId = new ParseUUIDPipe({ exceptionFactory: () => PeopleException.profileNotFound() });

@ApiTags('profiles')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'profile_not_found'] })
@Controller('orgs/:orgId/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOperation({ summary: "Members' profiles by name, filtered by skill or department" })
  @ApiOkResponse({ type: ProfilePageDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'] })
  list(@Query() query: ProfileQueryDto): Promise<ProfilePageDto> {
    return this.profiles.list(query);
  }

  @OrgMember()
  @Get('me')
  @ApiOperation({ summary: "The caller's own profile (defaults until first saved)" })
  @ApiOkResponse({ type: ProfileViewDto })
  mine(): Promise<ProfileViewDto> {
    return this.profiles.mine();
  }

  @OrgMember()
  @Patch('me')
  @ApiOperation({
    summary: "Edit the caller's own profile",
    description:
      'Fields sent replace what was there (lists as a whole); the rest stays. An unknown time zone, skill or language, a level outside 1-5 or overlapping availability slots: 400 naming the field.',
  })
  @ApiOkResponse({ type: ProfileViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  updateMine(@Body() body: UpdateProfileDto): Promise<ProfileViewDto> {
    return this.profiles.updateMine(body);
  }

  @OrgMember('admin', 'coordinator')
  @Get(':userId')
  @ApiOperation({ summary: "A member's profile" })
  @ApiOkResponse({ type: ProfileViewDto })
  @ApiErrorCodes({ 403: ['forbidden_role'] })
  get(@Param('userId', userId) id: string): Promise<ProfileViewDto> {
    return this.profiles.get(id);
  }

  @OrgMember('admin', 'coordinator')
  @Patch(':userId')
  @ApiOperation({
    summary: "Edit a member's profile",
    description: 'As `PATCH /profiles/me`, for any member.',
  })
  @ApiOkResponse({ type: ProfileViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'] })
  update(@Param('userId', userId) id: string, @Body() body: UpdateProfileDto): Promise<ProfileViewDto> {
    return this.profiles.update(id, body);
  }
}
