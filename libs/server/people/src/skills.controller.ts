import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsvBody, OrgMember, ApiErrorCodes } from '@mentorship/platform';
import {
  CreateSkillDto,
  MergeSkillDto,
  SkillImportReportDto,
  SkillMergeResultDto,
  SkillPageDto,
  SkillQueryDto,
  SkillViewDto,
  UpdateSkillDto,
} from './dto/skill.dto';
import { PeopleException } from './people.exception';
import { SkillsService } from './skills.service';

const skillId = new ParseUUIDPipe({ exceptionFactory: () => PeopleException.skillNotFound() });

@ApiTags('skills')
@ApiBearerAuth()
@ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'skill_not_found'] })
@Controller('orgs/:orgId/skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @OrgMember()
  @Get()
  @ApiOperation({ summary: 'The skills catalogue, alphabetically (every member reads it to fill a profile)' })
  @ApiOkResponse({ type: SkillPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  list(@Query() query: SkillQueryDto): Promise<SkillPageDto> {
    return this.skills.list(query);
  }

  @OrgMember('admin')
  @Post()
  @ApiOperation({ summary: 'Add a skill; names are unique ignoring case' })
  @ApiCreatedResponse({ type: SkillViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'], 409: ['skill_name_taken'] })
  add(@Body() body: CreateSkillDto): Promise<SkillViewDto> {
    return this.skills.add(body);
  }

  @OrgMember('admin')
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @CsvBody('A `name` column (or one name per line, no header); UTF-8, comma or semicolon.')
  @ApiOperation({
    summary: 'Add the skills of a CSV list that the catalogue lacks',
    description:
      'A file that cannot be read (`csv_malformed`) or with any bad line (`csv_rows_rejected`, every line with its reasons) adds nothing.',
  })
  @ApiOkResponse({ type: SkillImportReportDto })
  @ApiErrorCodes({
    400: ['csv_malformed', 'csv_rows_rejected'],
    403: ['forbidden_role'],
    413: ['payload_too_large'],
    415: ['unsupported_media_type', 'unsupported_charset'],
  })
  import(@Body() file: string): Promise<SkillImportReportDto> {
    return this.skills.importCsv(file);
  }

  @OrgMember()
  @Get(':skillId')
  @ApiOperation({ summary: 'One skill' })
  @ApiOkResponse({ type: SkillViewDto })
  get(@Param('skillId', skillId) id: string): Promise<SkillViewDto> {
    return this.skills.get(id);
  }

  @OrgMember('admin')
  @Patch(':skillId')
  @ApiOperation({ summary: 'Rename a skill, retire it (`status: retired`) or restore it (`status: active`)' })
  @ApiOkResponse({ type: SkillViewDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 403: ['forbidden_role'], 409: ['skill_name_taken'] })
  update(@Param('skillId', skillId) id: string, @Body() body: UpdateSkillDto): Promise<SkillViewDto> {
    return this.skills.update(id, body);
  }

  @OrgMember('admin')
  @Post(':skillId/merge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Merge a skill into another: profiles follow, the merged skill is removed',
    description:
      'A profile that had both keeps the higher level. The target must be active (`skill_retired`).',
  })
  @ApiOkResponse({ type: SkillMergeResultDto })
  @ApiErrorCodes({
    400: ['validation_failed', 'skill_merge_into_itself'],
    403: ['forbidden_role'],
    409: ['skill_retired'],
  })
  merge(@Param('skillId', skillId) id: string, @Body() body: MergeSkillDto): Promise<SkillMergeResultDto> {
    return this.skills.merge(id, body);
  }
}
