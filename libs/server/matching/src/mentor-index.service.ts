import { Injectable } from '@nestjs/common';
import {
  MentorIndex,
  type MenteeProfile,
  type MentorProfile,
  type ProgramCriteria,
} from '@mentorship/matching-engine';
import { TenantContext } from '@mentorship/platform';
import { cohortCriteria, type ProgramSettings } from '@mentorship/programs';
import { placesFor } from './mentor-places.service';
import { CohortPeopleRepository, type CohortPersonRow } from './repositories/cohort-people.repository';

/** The engine wants a seniority for everyone; a profile without one counts as mid-level. */
const UNSTATED_SENIORITY = 3;
/** Cohorts whose index a process keeps; the least recently used goes first. */
const CACHED_COHORTS = 64;

/** The cohort a mentor index is built for: its id, its start (the criteria's reference date) and settings. */
export interface IndexedCohort {
  id: string;
  startsOn: string;
  settings: ProgramSettings;
}

/** A cohort's mentors compiled by the engine, and the stamp of the rows it was built from. */
export interface CohortMentorIndex {
  version: string;
  index: MentorIndex;
  criteria: ProgramCriteria;
  /** The enrolled mentors' membership ids, in the index's order. */
  mentorUserIds: string[];
}

function participantOf(row: CohortPersonRow) {
  return {
    id: row.userId,
    personId: row.userId,
    managerId: row.managerKey,
    department: row.department,
    seniority: row.seniority ?? UNSTATED_SENIORITY,
    languages: row.languages,
    timeZone: row.timeZone ?? 'UTC',
    availability: row.availability,
    topics: row.topics,
  };
}

/** A mentor for the engine; `capacity` is their places (full ones are left out per request). */
export function mentorProfileOf(row: CohortPersonRow, settings: ProgramSettings): MentorProfile {
  return {
    ...participantOf(row),
    offeredSkills: row.skills.map((skill) => ({ skill: skill.name, level: skill.level })),
    offeredMentorTypes: row.offeredMentorTypes,
    capacity: placesFor(row, settings),
  };
}

export function menteeProfileOf(row: CohortPersonRow): MenteeProfile {
  return {
    ...participantOf(row),
    wantedSkills: row.skills.map((skill) => ({ skill: skill.name, targetLevel: skill.level })),
    goals: row.goals,
    wantedMentorTypes: row.wantedMentorTypes,
  };
}

/**
 * The engine's `MentorIndex` of each cohort, built once and kept until what it was built from
 * changes: a mentor's profile or capacity, the roster's mentors, the cohort's settings, the skill
 * catalogue. Each request compares the stamp Postgres computes from those rows
 * (`mentorIndexVersion`) with the kept index's; every replica does the same, so all of them
 * answer from the same data. Mentors' current load is not in the index (it changes with every
 * accept); suggestions leave full mentors out when they ask.
 */
@Injectable()
export class MentorIndexService {
  private readonly cache = new Map<string, CohortMentorIndex>();
  private readonly building = new Map<string, Promise<CohortMentorIndex>>();
  /** Indexes this process has built (tests prove a request does not rebuild an unchanged one). */
  builds = 0;

  constructor(private readonly people: CohortPeopleRepository) {}

  async forCohort(cohort: IndexedCohort): Promise<CohortMentorIndex> {
    const version = (await this.people.mentorIndexVersion(cohort.id)) ?? 'none';
    const key = `${TenantContext.organizationId()}:${cohort.id}`;
    const cached = this.cache.get(key);
    if (cached?.version === version) {
      // Refreshes its place in the map's order: the least recently used is evicted first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const buildKey = `${key}:${version}`;
    let pending = this.building.get(buildKey);
    if (!pending) {
      pending = this.build(cohort, version).finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, pending);
    }
    const built = await pending;
    this.cache.delete(key);
    this.cache.set(key, built);
    while (this.cache.size > CACHED_COHORTS) this.cache.delete(this.cache.keys().next().value as string);
    return built;
  }

  private async build(cohort: IndexedCohort, version: string): Promise<CohortMentorIndex> {
    const rows = await this.people.mentors(cohort.id);
    const criteria = cohortCriteria(cohort.settings, cohort.startsOn);
    const index = new MentorIndex(
      rows.map((row) => mentorProfileOf(row, cohort.settings)),
      criteria,
    );
    this.builds++;
    return { version, index, criteria, mentorUserIds: index.mentors.map((m) => m.id) };
  }
}
