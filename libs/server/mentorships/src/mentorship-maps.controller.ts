import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { MapTemplateViewDto } from '@mentorship/programs';
import {
  MapPeopleDto,
  MapPeopleQueryDto,
  MapVersionsDto,
  MapViewDto,
  SaveMapDto,
} from './dto/mentorship-map.dto';
import { matchId } from './match-access.service';
import { MentorshipMapsService } from './mentorship-maps.service';

@ApiTags('mentorship maps')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'match_not_found'] })
@Controller('orgs/:orgId/matches/:matchId/map')
export class MentorshipMapsController {
  constructor(private readonly maps: MentorshipMapsService) {}

  @OrgMember()
  @Get()
  @ApiOperation({
    summary: "The mentee's map for the match, with what it warns about",
    description: 'Open to the mentee, their mentor and coordinators; anyone else gets 404.',
  })
  @ApiOkResponse({ type: MapViewDto })
  @ApiErrorCodes({ 404: ['map_not_found'] })
  get(@Param('matchId', matchId) id: string): Promise<MapViewDto> {
    return this.maps.get(id);
  }

  @OrgMember()
  @Put()
  @ApiOperation({
    summary: 'Save the map, as its mentee (a new version, kept in its history)',
    description:
      'Milestones are sent in their order: with their id to keep one (retarget it by changing its goal or due date), without one to add one, with `replaces` to replace one. A due date moved after it passed undone counts as missed.',
  })
  @ApiOkResponse({ type: MapViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['map_mentee_only'],
    409: ['match_not_running', 'map_version_stale'],
  })
  save(@Param('matchId', matchId) id: string, @Body() body: SaveMapDto): Promise<MapViewDto> {
    return this.maps.save(id, body);
  }

  @OrgMember()
  @Get('template')
  @ApiOperation({
    summary: "The milestones the cohort's program suggests for a new map (none without a template)",
  })
  @ApiOkResponse({ type: MapTemplateViewDto })
  template(@Param('matchId', matchId) id: string): Promise<MapTemplateViewDto> {
    return this.maps.template(id);
  }

  @OrgMember()
  @Get('people')
  @ApiOperation({
    summary: 'Members to name as a helper of a milestone or as the map buddy, by name',
    description:
      "For the match's two sides: the organization's members whose name (or a word of it) starts with `q`, names only.",
  })
  @ApiOkResponse({ type: MapPeopleDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['match_side_only'] })
  people(@Param('matchId', matchId) id: string, @Query() query: MapPeopleQueryDto): Promise<MapPeopleDto> {
    return this.maps.people(id, query);
  }

  @OrgMember()
  @Get('versions')
  @ApiOperation({ summary: "The map's history: every version as saved and what changed, newest first" })
  @ApiOkResponse({ type: MapVersionsDto })
  versions(@Param('matchId', matchId) id: string): Promise<MapVersionsDto> {
    return this.maps.versions(id);
  }
}
