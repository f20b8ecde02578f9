import { Injectable } from '@nestjs/common';
import { scorePair } from '@mentorship/matching-engine';
import { TenantContext } from '@mentorship/platform';
import type { SuggestedMentorDto, SuggestionListDto } from './dto/suggestion.dto';
import { MenteeChoiceService } from './mentee-choice.service';
import { menteeProfileOf, MentorIndexService } from './mentor-index.service';
import { MentorPlacesService } from './mentor-places.service';
import { MatchingException } from './matching.exception';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import { MatchRequestRepository } from './repositories/match-request.repository';
import { SuggestionExposureRepository } from './repositories/suggestion-exposure.repository';

/**
 * How long a mentor shown to a mentee counts against the mentor's limit: long enough to read the
 * list and write a request, short enough that a mentee who walked away frees the place. A new
 * list replaces the mentee's previous one at once.
 */
export const SUGGESTION_HOLD_MS = 72 * 3600 * 1000;

/**
 * A mentee's suggested mentors: the engine's top mentors of the cohort with the reason for each
 * score component, without mentors who are full, paused, declined this mentee, are matched with
 * them, or are being shown to as many mentees as their free places times the program's factor.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly choice: MenteeChoiceService,
    private readonly indexes: MentorIndexService,
    private readonly places: MentorPlacesService,
    private readonly people: CohortPeopleRepository,
    private readonly requests: MatchRequestRepository,
    private readonly exposures: SuggestionExposureRepository,
  ) {}

  async forMe(cohortId: string, limit: number): Promise<SuggestionListDto> {
    const { cohort, settings } = await this.choice.asMentee(cohortId);
    const me = TenantContext.caller().userId;
    const menteeRow = await this.people.person(cohortId, me, 'mentee');
    if (!menteeRow) throw MatchingException.notCohortMentee();
    const built = await this.indexes.forCohort({ id: cohort.id, startsOn: cohort.startsOn, settings });

    // Counted under the cohort's ledger lock, so two mentees asking at once share the limit.
    await this.exposures.lockCohort(cohortId);
    const free = await this.places.freePlaces(built.mentorUserIds, settings);
    const declined = await this.requests.declinedBy(cohortId, me);
    const matched = await this.requests.matchedWith(cohortId, me);
    const shown = await this.exposures.shownToOthers(cohortId, me);
    const left = new Set<string>();
    for (const mentor of built.mentorUserIds) {
      const places = free.get(mentor) ?? 0;
      if (places === 0 || declined.has(mentor) || matched.has(mentor)) left.add(mentor);
      else if ((shown.get(mentor) ?? 0) >= places * settings.suggestionFloodFactor) left.add(mentor);
    }

    const mentee = menteeProfileOf(menteeRow);
    const kept = built.index
      .topK(mentee, limit + left.size)
      .filter(({ mentor }) => !left.has(built.index.mentors[mentor].id))
      .slice(0, limit);
    const mentorIds = kept.map(({ mentor }) => built.index.mentors[mentor].id);
    await this.exposures.replace(cohortId, me, mentorIds, new Date(Date.now() + SUGGESTION_HOLD_MS));

    const names = await this.people.names(mentorIds);
    const open = new Map((await this.requests.openOf(cohortId, me)).map((r) => [r.mentorUserId, r.id]));
    const items: SuggestedMentorDto[] = kept.map(({ mentor }, i) => {
      const profile = built.index.mentors[mentor];
      const explained = scorePair(mentee, profile, built.criteria);
      return {
        rank: i + 1,
        mentorUserId: profile.id,
        displayName: names.get(profile.id) ?? '',
        score: explained.score,
        components: explained.components.map((c) => ({
          id: c.id,
          value: c.value,
          weight: c.weight,
          points: c.points,
          reason: c.reason,
        })),
        freePlaces: free.get(profile.id) ?? 0,
        openRequestId: open.get(profile.id) ?? null,
      };
    });
    return { cohortId, indexVersion: built.version, items };
  }
}
