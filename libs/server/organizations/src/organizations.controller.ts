import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorCodes, AuthenticatedUser, CurrentUser, OrgRoute, SignedIn } from '@mentorship/platform';
import {
  CreateOrganizationDto,
  OrganizationListDto,
  OrganizationViewDto,
  RenameOrganizationDto,
  ScheduleOrganizationDeletionDto,
} from './dto/organization.dto';
import { OpenDuringScheduledDeletion } from './organization-route-access.service';
import { MembersService } from './members.service';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('orgs')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
  ) {}

  @ApiOperation({ summary: 'My organizations, with my roles and when I last used each' })
  @ApiErrorCodes({ 401: ['unauthenticated'] })
  @SignedIn()
  @Get()
  @ApiOkResponse({ type: OrganizationListDto })
  listMine(@CurrentUser() user: AuthenticatedUser): Promise<OrganizationListDto> {
    return this.organizations.listMine(user.id);
  }

  @ApiOperation({ summary: 'Create an organization; the creator becomes its admin' })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['unauthenticated'] })
  @SignedIn()
  @Post()
  @ApiCreatedResponse({ type: OrganizationViewDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationViewDto> {
    return this.organizations.create(user, body);
  }

  /**
   * The caller switched to (opened) this organization: remembered on the membership, so the
   * app opens it next time on any device. No audit row: it changes nothing others see.
   */
  @ApiOperation({ summary: 'Remember that I opened this organization' })
  @OrgRoute([])
  @Post(':orgId/visits')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Remembered as the last used organization.' })
  markUsed(): Promise<void> {
    return this.organizations.markUsed();
  }

  @ApiOperation({ summary: 'Rename the organization (admins)' })
  @OrgRoute(['admin'], { 400: ['validation_failed'] })
  @Patch(':orgId')
  @ApiOkResponse({ type: OrganizationViewDto })
  rename(@Body() body: RenameOrganizationDto): Promise<OrganizationViewDto> {
    return this.organizations.rename(body);
  }

  @ApiOperation({ summary: 'Leave the organization (its last admin cannot)' })
  @OrgRoute([], { 409: ['last_admin'] })
  @Delete(':orgId/membership')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'No longer a member.' })
  leave(): Promise<void> {
    return this.members.leave();
  }

  @ApiOperation({
    summary: 'Delete the organization (admins): closed at once, erased after the grace period',
    description:
      'The body names the organization exactly. Its members lose it at once (404); its admins still see it in their list, scheduled for deletion, and can restore it until `deletion.purgeAfter`, when its data is erased for good.',
  })
  @OrgRoute(['admin'], { 400: ['validation_failed', 'organization_name_mismatch'] })
  @Post(':orgId/deletion')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: OrganizationViewDto,
    description: 'Scheduled for deletion (`deletion` says until when).',
  })
  scheduleDeletion(@Body() body: ScheduleOrganizationDeletionDto): Promise<OrganizationViewDto> {
    return this.organizations.scheduleDeletion(body);
  }

  @ApiOperation({ summary: 'Restore an organization scheduled for deletion (admins, until its purge date)' })
  @OrgRoute(['admin'], { 409: ['organization_not_scheduled_for_deletion'], 410: ['organization_purge_due'] })
  @OpenDuringScheduledDeletion()
  @Delete(':orgId/deletion')
  @ApiOkResponse({ type: OrganizationViewDto, description: 'Restored: open to its members again.' })
  restore(): Promise<OrganizationViewDto> {
    return this.organizations.restore();
  }
}
