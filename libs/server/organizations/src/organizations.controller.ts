import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorCodes, AuthenticatedUser, CurrentUser, OrgMember, SignedIn } from '@mentorship/platform';
import { CreateOrganizationDto, OrganizationListDto, OrganizationViewDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('orgs')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

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
  @ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found'] })
  @OrgMember()
  @Post(':orgId/visits')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Remembered as the last used organization.' })
  markUsed(): Promise<void> {
    return this.organizations.markUsed();
  }
}
