import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgRoute, WithoutRouteTransaction } from '@mentorship/platform';
import { cohortIdParam } from '@mentorship/programs';
import { SuggestionListDto, SuggestionQueryDto } from './dto/suggestion.dto';
import { SuggestionsService } from './suggestions.service';

/** A mentee's suggested mentors in a cohort whose program lets mentees choose. */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('orgs/:orgId/cohorts/:cohortId/suggestions')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  // Any member: the participant's role in the cohort decides, not the organization role. No
  // transaction: a repeated list is answered from memory and Redis (`SuggestionsService`).
  @Get()
  @WithoutRouteTransaction()
  @ApiOperation({
    summary: 'My suggested mentors, best first, with the reason for each part of the score',
    description:
      'For an enrolled mentee of a cohort whose program lets mentees choose (matchingMode mentee-choice), while the cohort is matching or running. Mentors who are full, paused, declined the caller or are matched with them are left out, and so is a mentor already shown to free places × the program’s suggestionFloodFactor other mentees. The list counts as shown to the caller for 71 to 72 hours after their last list (a list repeated within the hour does not renew it), or until their next list leaves a mentor out. When the suggestion ledger cannot be reached the list is refused with 503 suggestions_unavailable, never given without the flood limit.',
  })
  @ApiOkResponse({ type: SuggestionListDto })
  @OrgRoute([], {
    400: ['validation_failed'],
    403: ['not_cohort_mentee'],
    404: ['cohort_not_found'],
    409: ['mentee_choice_off', 'cohort_not_matching'],
    503: ['suggestions_unavailable'],
  })
  list(
    @Param('cohortId', cohortIdParam) id: string,
    @Query() query: SuggestionQueryDto,
  ): Promise<SuggestionListDto> {
    return this.suggestions.forMe(id, query.limit);
  }
}
