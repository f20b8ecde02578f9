import { Injectable } from '@nestjs/common';
import { MENTOR_TYPES, type MentorType } from '@mentorship/contracts';
import { TenantContext } from '@mentorship/platform';
import { completeProgramSettings } from '@mentorship/programs';
import type { BoardMentorDto, BoardSuggestionDto, PersonalBoardDto } from './dto/personal-board.dto';
import { MatchingException } from './matching.exception';
import { MentorPlacesService } from './mentor-places.service';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import { PersonalBoardRepository, type BoardMentorRow } from './repositories/personal-board.repository';

/**
 * A mentee's personal board (issue 9, point 7): the mentors they hold now across programs, by the
 * kind of mentoring each offers, the kinds they want that nobody covers, and for each of those a
 * mentor who could. It lives in matching, not mentorships, because the suggestion needs the
 * mentor's free places (`MentorPlacesService`, on the one `mentor_places`/`mentor_loads` rule)
 * and mentorships may not import matching (tools/architecture/context-dependencies.json).
 */
@Injectable()
export class PersonalBoardService {
  constructor(
    private readonly boards: PersonalBoardRepository,
    private readonly cohortPeople: CohortPeopleRepository,
    private readonly places: MentorPlacesService,
  ) {}

  /** The mentee's own board, or any member's for a coordinator or admin; anyone else gets 404. */
  async of(menteeUserId: string): Promise<PersonalBoardDto> {
    const caller = TenantContext.caller();
    const oversees = caller.roles.includes('admin') || caller.roles.includes('coordinator');
    if (caller.userId !== menteeUserId && !oversees) throw MatchingException.personalBoardNotFound();
    const mentee = await this.boards.mentee(menteeUserId);
    if (!mentee) throw MatchingException.personalBoardNotFound();

    const mentors = (await this.boards.currentMentors(menteeUserId)).map(toBoardMentor);
    const wanted = MENTOR_TYPES.filter((type) => mentee.wantedMentorTypes.includes(type));
    const covered = (type: MentorType) => mentors.filter((m) => m.mentorTypes.includes(type));
    const missing = wanted.filter((type) => covered(type).length === 0);
    const suggestions = await this.suggest(menteeUserId, missing);
    return {
      menteeUserId,
      displayName: mentee.displayName,
      wantedTypes: wanted,
      types: MENTOR_TYPES.map((type) => ({
        type,
        wanted: wanted.includes(type),
        mentors: covered(type),
        missing: missing.includes(type),
        suggestion: suggestions.get(type) ?? null,
      })),
      missingTypes: missing,
      mentors,
    };
  }

  /**
   * One mentor per missing type: among the enrolled mentors of the mentee's matching or running
   * cohorts who offer it, the one with the most free places there (then by name), so a single
   * strong candidate is not offered for every type while others wait. Full or paused mentors
   * have no free place (`mentor_places` gives none while a pause runs).
   */
  private async suggest(
    menteeUserId: string,
    missing: readonly MentorType[],
  ): Promise<Map<MentorType, BoardSuggestionDto>> {
    const found = new Map<MentorType, BoardSuggestionDto>();
    if (missing.length === 0) return found;
    const cohorts = await this.cohortPeople.enrolledCohortsAs('mentee', menteeUserId);
    if (cohorts.length === 0) return found;
    const candidates = await this.boards.candidates(
      cohorts.map((c) => c.id),
      menteeUserId,
      missing,
    );
    const free = new Map<string, number>();
    // One cohort after the other: all run on the request's one connection.
    for (const cohort of cohorts) {
      const inCohort = candidates.filter((c) => c.cohortId === cohort.id).map((c) => c.mentorUserId);
      if (inCohort.length === 0) continue;
      const places = await this.places.freePlaces(
        cohort.id,
        inCohort,
        completeProgramSettings(cohort.settings),
      );
      for (const [mentor, count] of places) free.set(`${cohort.id}:${mentor}`, count);
    }
    const cohortName = new Map(cohorts.map((c) => [c.id, c.name]));
    const used = new Set<string>();
    for (const type of missing) {
      const best = candidates
        .map((c) => ({ ...c, freePlaces: free.get(`${c.cohortId}:${c.mentorUserId}`) ?? 0 }))
        .filter((c) => c.freePlaces > 0 && c.mentorTypes.includes(type))
        // Candidates come by name; the stable sort keeps that order among equals.
        .sort(
          (a, b) =>
            Number(used.has(a.mentorUserId)) - Number(used.has(b.mentorUserId)) ||
            b.freePlaces - a.freePlaces,
        )[0];
      if (!best) continue;
      used.add(best.mentorUserId);
      found.set(type, {
        mentorUserId: best.mentorUserId,
        displayName: best.displayName,
        cohortId: best.cohortId,
        cohortName: cohortName.get(best.cohortId) ?? '',
        freePlaces: best.freePlaces,
      });
    }
    return found;
  }
}

function toBoardMentor(row: BoardMentorRow): BoardMentorDto {
  return {
    matchId: row.matchId,
    status: row.status,
    mentorUserId: row.mentorUserId,
    displayName: row.displayName,
    cohortId: row.cohortId,
    cohortName: row.cohortName,
    programId: row.programId,
    programName: row.programName,
    mentorTypes: MENTOR_TYPES.filter((type) => row.mentorTypes.includes(type)),
    since: row.since.toISOString(),
  };
}
