import { Injectable } from '@nestjs/common';
import { MatchesService } from '@mentorship/mentorships';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';

/** The settings a mentor's places depend on (a cohort's, or its program's while in draft). */
export interface PlacesSettings {
  kind: string;
  defaultMentorCapacity: number;
  groupSize: number | null;
}

/**
 * Mentors' places and free places, for suggestions, requests and rounds alike. The rules are the
 * SQL functions every context calls: `mentor_places` (programs: the profile's capacity, else the
 * program's default; none while paused; in a group program each place is a group of `groupSize`
 * mentees) and `mentor_loads` (mentorships: the places a mentor's matches hold, over all cohorts,
 * in the seats of the cohort asked about).
 */
@Injectable()
export class MentorPlacesService {
  constructor(
    private readonly people: CohortPeopleRepository,
    private readonly matches: MatchesService,
  ) {}

  /** Places each mentor offers (held or not), by membership id. */
  async places(mentorUserIds: readonly string[], settings: PlacesSettings): Promise<Map<string, number>> {
    if (mentorUserIds.length === 0) return new Map();
    return this.people.placesOf(mentorUserIds, settings);
  }

  /** Places each mentor still has in the cohort: their places minus the seats their matches hold. */
  async freePlaces(
    cohortId: string,
    mentorUserIds: readonly string[],
    settings: PlacesSettings,
  ): Promise<Map<string, number>> {
    // One after the other: both run on the request's one connection.
    const places = await this.places(mentorUserIds, settings);
    const load = await this.matches.loadOf(mentorUserIds, cohortId);
    return new Map(
      [...places].map(([mentor, count]) => [mentor, Math.max(0, count - (load.get(mentor) ?? 0))]),
    );
  }
}
