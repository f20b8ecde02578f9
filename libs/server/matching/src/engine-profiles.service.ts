import type { MentorType } from '@mentorship/contracts';
import type { MenteeProfile, MentorProfile } from '@mentorship/matching-engine';

/** The engine wants a seniority for everyone; a profile without one counts as mid-level (1..6). */
const UNSTATED_SENIORITY = 3;

/** What the engine reads of a stored profile, whichever repository read it. */
export interface StoredEngineProfile {
  department: string | null;
  seniority: number | null;
  languages: string[];
  timeZone: string | null;
  availability: { day: number; start: string; end: string }[];
  topics: string[];
  goals: string[];
  offeredMentorTypes: MentorType[];
  wantedMentorTypes: MentorType[];
  /** `offered` skills for a mentor, `wanted` ones for a mentee: by name (the reasons name them). */
  skills: { name: string; level: number }[];
}

/**
 * Who a participant is to the engine: `id` its answers name, and the keys the reporting-line
 * rule compares (`managerId` of one against `personId` of another).
 */
export interface EngineIdentity {
  id: string;
  personId: string;
  managerId: string | null;
}

/** The part of the engine's profile mentors and mentees share. */
function engineParticipantOf(row: StoredEngineProfile, who: EngineIdentity) {
  return {
    ...who,
    department: row.department,
    seniority: row.seniority ?? UNSTATED_SENIORITY,
    languages: row.languages,
    timeZone: row.timeZone ?? 'UTC',
    availability: row.availability,
    topics: row.topics,
  };
}

/** A mentor for the engine, with `capacity` places. */
export function engineMentorOf(
  row: StoredEngineProfile,
  who: EngineIdentity,
  capacity: number,
): MentorProfile {
  return {
    ...engineParticipantOf(row, who),
    offeredSkills: row.skills.map((skill) => ({ skill: skill.name, level: skill.level })),
    offeredMentorTypes: row.offeredMentorTypes,
    capacity,
  };
}

export function engineMenteeOf(row: StoredEngineProfile, who: EngineIdentity): MenteeProfile {
  return {
    ...engineParticipantOf(row, who),
    goals: row.goals,
    wantedSkills: row.skills.map((skill) => ({ skill: skill.name, targetLevel: skill.level })),
    wantedMentorTypes: row.wantedMentorTypes,
  };
}
