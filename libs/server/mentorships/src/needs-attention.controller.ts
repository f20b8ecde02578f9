import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgRoute } from '@mentorship/platform';
import { NeedsAttentionPageDto, NeedsAttentionQueryDto } from './dto/needs-attention.dto';
import { NeedsAttentionService } from './needs-attention.service';

/**
 * Organization-wide with an optional cohort filter: a coordinator watches every cohort they run
 * on one list, and narrows it to one when they work through that cohort.
 */
@ApiTags('matches')
@ApiBearerAuth()
@Controller('orgs/:orgId/needs-attention')
export class NeedsAttentionController {
  constructor(private readonly attention: NeedsAttentionService) {}

  @Get()
  @ApiOperation({
    summary:
      'Pairs that need a coordinator: trials ending, declined trials waiting, quiet pairs, missed milestones',
    description:
      'Oldest first. `trial_ending`: a trial ending within `trialEndingWithinDays` (or ended, undecided); `rematch_waiting`: a declined trial whose mentee has no new match in the cohort; `no_check_in`: a pair in trial or active with no check-in for the program’s `quietDays` (the days after which the pair is nudged); `milestone_missed`: a milestone of the map past its due date and not done.',
  })
  @ApiOkResponse({ type: NeedsAttentionPageDto })
  @OrgRoute(['admin', 'coordinator'], { 400: ['validation_failed'], 404: ['cohort_not_found'] })
  list(@Query() query: NeedsAttentionQueryDto): Promise<NeedsAttentionPageDto> {
    return this.attention.list(query);
  }
}
