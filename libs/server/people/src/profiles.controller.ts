import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgMember } from '@mentorship/platform';
import { ApiErrors } from './dto/error-body.dto';
import { ProfilePageDto, ProfileQueryDto, ProfileViewDto, UpdateProfileDto } from './dto/profile.dto';
import { PeopleException } from './people.exception';
import { ProfilesService } from './profiles.service';

const userId = new ParseUUIDPipe({ exceptionFactory: () => PeopleException.profileNotFound() });

@ApiTags('profiles')
@ApiBearerAuth()
@ApiErrors(401, 404)
@Controller('orgs/:orgId/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @OrgMember('admin', 'coordinator')
  @Get()
  @ApiOperation({ summary: "Members' profiles by name, filtered by skill or department" })
  @ApiOkResponse({ type: ProfilePageDto })
  @ApiErrors(400, 403)
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
  @ApiErrors(400)
  updateMine(@Body() body: UpdateProfileDto): Promise<ProfileViewDto> {
    return this.profiles.updateMine(body);
  }

  @OrgMember('admin', 'coordinator')
  @Get(':userId')
  @ApiOperation({ summary: "A member's profile" })
  @ApiOkResponse({ type: ProfileViewDto })
  @ApiErrors(403)
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
  @ApiErrors(400, 403)
  update(@Param('userId', userId) id: string, @Body() body: UpdateProfileDto): Promise<ProfileViewDto> {
    return this.profiles.update(id, body);
  }
}
