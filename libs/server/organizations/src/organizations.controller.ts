import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, SignedIn } from '@mentorship/platform';
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
}
