import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
import { AgreementsService } from './agreements.service';
import {
  AgreementViewDto,
  EditAgreementDto,
  SignAgreementDto,
  SignedAgreementVersionsDto,
} from './dto/agreement.dto';
import { matchId } from './match-access.service';

@ApiTags('agreements')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'match_not_found'] })
@Controller('orgs/:orgId/matches/:matchId/agreement')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @OrgMember()
  @Get()
  @ApiOperation({
    summary: "The match's agreement: its terms, version and signatures",
    description: 'Open to its mentee, its mentor and coordinators; anyone else gets 404.',
  })
  @ApiOkResponse({ type: AgreementViewDto })
  @ApiErrorCodes({ 404: ['agreement_not_found'] })
  get(@Param('matchId', matchId) id: string): Promise<AgreementViewDto> {
    return this.agreements.get(id);
  }

  @OrgMember()
  @Put()
  @ApiOperation({
    summary: 'Edit the agreement of an active match (a new version; both must sign again)',
    description:
      'By its mentee, its mentor or a coordinator, from the version they read. Creates the agreement of an active match that has none.',
  })
  @ApiOkResponse({ type: AgreementViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 409: ['match_not_running', 'agreement_version_stale'] })
  edit(@Param('matchId', matchId) id: string, @Body() body: EditAgreementDto): Promise<AgreementViewDto> {
    return this.agreements.edit(id, body);
  }

  @OrgMember()
  @Post('signatures')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign the version one read, as the mentee or the mentor',
    description: 'When both have signed, the version is kept among the signed versions.',
  })
  @ApiOkResponse({ type: AgreementViewDto })
  @ApiErrorCodes({
    400: ['validation_failed'],
    403: ['match_side_only'],
    404: ['agreement_not_found'],
    409: ['match_not_running', 'agreement_version_stale', 'agreement_already_signed'],
  })
  sign(@Param('matchId', matchId) id: string, @Body() body: SignAgreementDto): Promise<AgreementViewDto> {
    return this.agreements.sign(id, body);
  }

  @OrgMember()
  @Get('versions')
  @ApiOperation({ summary: 'Every version both sides signed, newest first' })
  @ApiOkResponse({ type: SignedAgreementVersionsDto })
  versions(@Param('matchId', matchId) id: string): Promise<SignedAgreementVersionsDto> {
    return this.agreements.signedVersions(id);
  }
}
