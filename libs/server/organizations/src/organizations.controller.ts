import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OrgMember, SignedIn } from '@mentorship/platform';
import { CreateOrganizationDto, OrganizationListDto, OrganizationViewDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('orgs')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @SignedIn()
  @Get()
  @ApiOkResponse({ type: OrganizationListDto })
  listMine(@CurrentUser() user: AuthenticatedUser): Promise<OrganizationListDto> {
    return this.organizations.listMine(user.id);
  }

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
  @OrgMember()
  @Post(':orgId/visits')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Remembered as the last used organization.' })
  markUsed(): Promise<void> {
    return this.organizations.markUsed();
  }
}
