import { Injectable } from '@nestjs/common';
import { TenantContext } from '@mentorship/platform';
import type { SuggestedMentorDto, SuggestionListDto } from './dto/suggestion.dto';
import { MenteeChoiceService } from './mentee-choice.service';
import { MentorIndexService } from './mentor-index.service';
import { MatchingException } from './matching.exception';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import {
  SuggestionExposureRepository,
  type ShownMentor,
} from './repositories/suggestion-exposure.repository';

/**
 * How long a mentor shown to a mentee counts against the mentor's limit: long enough to read the
 * list and write a request, short enough that a mentee who walked away frees the place. A new
 * list replaces the mentee's previous one at once.
 */
export const SUGGESTION_HOLD_MS = 72 * 3600 * 1000;
/** Statements (windows of the ranking) a list may take before it stays short. */
const CLAIM_ROUNDS = 3;

/**
 * A mentee's suggested mentors: the engine's top mentors of the cohort with the reason for each
 * score component, without mentors who are full, paused, declined this mentee, are matched with
 * them, or are being shown to as many mentees as their free places times the program's factor.
 *
 * The flood limit is kept by the ledger's slots (`SuggestionExposureRepository`): a mentor with
 * `free` free places has `free × factor` slots and each mentee shown them takes one, with one
 * atomic upsert, so concurrent lists of different mentees wait for each other only on the same
 * slot of the same mentor and never show a mentor to more mentees than their slots. What a slot
 * count cannot undo: a mentor whose free places drop (an accept) keeps the mentees already
 * holding their higher slots until those lists run out or are replaced.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly choice: MenteeChoiceService,
    private readonly indexes: MentorIndexService,
    private readonly people: CohortPeopleRepository,
    private readonly exposures: SuggestionExposureRepository,
  ) {}

  async forMe(cohortId: string, limit: number): Promise<SuggestionListDto> {
    const { cohort, settings } = await this.choice.asMentee(cohortId);
    const me = TenantContext.caller().userId;
    const built = await this.indexes.forCohort({ id: cohort.id, startsOn: cohort.startsOn, settings });
    const ranking = await this.indexes.rankingOf(built, cohortId, me, () =>
      this.people.person(cohortId, me, 'mentee'),
    );
    if (!ranking) throw MatchingException.notCohortMentee();

    const until = new Date(Date.now() + SUGGESTION_HOLD_MS);
    const order = ranking.order;
    const shown: { position: number; mentor: ShownMentor }[] = [];
    // Windows of the ranking, best first, a few times the list's length: most mentors near the
    // top are free, and a flooded cohort walks further down in a second or third window.
    let from = 0;
    if (order.length === 0) await this.exposures.release(cohortId, me);
    for (let round = 0; round < CLAIM_ROUNDS && shown.length < limit && from < order.length; round++) {
      const window = order.subarray(from, from + (limit * 4 + 8) * (round + 1));
      from += window.length;
      const answered = await this.exposures.show({
        cohortId,
        menteeUserId: me,
        candidates: Array.from(window, (position) => ({
          mentorUserId: built.mentorUserIds[position],
          places: built.index.mentors[position].capacity,
        })),
        want: limit - shown.length,
        floodFactor: settings.suggestionFloodFactor,
        until,
        // The first statement replaces the mentee's previous list; later ones add to it.
        replacing: round === 0,
      });
      for (const mentor of answered) shown.push({ position: window[mentor.candidate], mentor });
    }

    const items: SuggestedMentorDto[] = shown.map(({ position, mentor }, i) => {
      const explained = ranking.explain(position);
      return {
        rank: i + 1,
        mentorUserId: mentor.mentorUserId,
        displayName: mentor.name,
        score: explained.score,
        components: explained.components.map((c) => ({
          id: c.id,
          value: c.value,
          weight: c.weight,
          points: c.points,
          reason: c.reason,
        })),
        freePlaces: mentor.freePlaces,
        openRequestId: mentor.openRequestId,
      };
    });
    return { cohortId, indexVersion: built.version, items };
  }
}
