import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrgMember } from '@mentorship/platform';
import { GiveKudosDto, KudosViewDto } from './dto/kudos.dto';
import { KudosService } from './kudos.service';

@ApiTags('kudos')
@ApiBearerAuth()
@Controller('orgs/:orgId/kudos')
export class KudosController {
  constructor(private readonly kudos: KudosService) {}

  @OrgMember()
  @Post()
  @ApiCreatedResponse({ type: KudosViewDto })
  give(@Body() body: GiveKudosDto): Promise<KudosViewDto> {
    return this.kudos.give(body);
  }

  @OrgMember()
  @Get('mine')
  @ApiOkResponse({ type: KudosViewDto, isArray: true })
  mine(): Promise<KudosViewDto[]> {
    return this.kudos.mine();
  }
}
