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
 * The one rule for a mentor's places, for suggestions, requests and rounds alike: the profile's
 * capacity, else the program's default; none while paused; in a group program each place is a
 * group of `groupSize` mentees. (programs' roster capacity counts the same in SQL.)
 */
export function placesFor(
  profile: { mentorCapacity: number | null; pausedNow: boolean },
  settings: PlacesSettings,
): number {
  if (profile.pausedNow) return 0;
  const capacity = profile.mentorCapacity ?? settings.defaultMentorCapacity;
  return settings.kind === 'group' ? capacity * (settings.groupSize ?? 1) : capacity;
}

/** Mentors' places and free places, read from their profiles and their matches. */
@Injectable()
export class MentorPlacesService {
  constructor(
    private readonly people: CohortPeopleRepository,
    private readonly matches: MatchesService,
  ) {}

  /** Places each mentor offers (held or not), by membership id. */
  async places(mentorUserIds: readonly string[], settings: PlacesSettings): Promise<Map<string, number>> {
    if (mentorUserIds.length === 0) return new Map();
    const rows = await this.people.capacityOf(mentorUserIds);
    return new Map(rows.map((row) => [row.userId, placesFor(row, settings)]));
  }

  /** Places each mentor still has: their places minus the matches holding one, in any cohort. */
  async freePlaces(mentorUserIds: readonly string[], settings: PlacesSettings): Promise<Map<string, number>> {
    // One after the other: both run on the request's one connection.
    const places = await this.places(mentorUserIds, settings);
    const load = await this.matches.loadOf(mentorUserIds);
    return new Map(
      [...places].map(([mentor, count]) => [mentor, Math.max(0, count - (load.get(mentor) ?? 0))]),
    );
  }
}
