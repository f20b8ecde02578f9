/** The five kinds of mentoring a mentor can offer and a mentee can look for. */
export const MENTOR_TYPES = ['technical', 'career', 'leadership', 'industry', 'entrepreneurial'] as const;
export type MentorType = (typeof MENTOR_TYPES)[number];

/** Skill levels run from 1 (aware) to 5 (expert). */
export const MIN_SKILL_LEVEL = 1;
export const MAX_SKILL_LEVEL = 5;

export interface WantedSkill {
  skill: string;
  /** The level the mentee wants to reach, 1..5. */
  targetLevel: number;
}

export interface OfferedSkill {
  skill: string;
  /** The mentor's own level, 1..5. */
  level: number;
}

/**
 * One recurring weekly window in the person's own time zone.
 * `day` is 0 = Monday .. 6 = Sunday; times are "HH:MM" (24 h, "24:00" allowed as an end).
 * An end at or before the start runs past midnight into the next day.
 */
export interface WeeklySlot {
  day: number;
  start: string;
  end: string;
}

/** What mentees and mentors share: who they are in the organization and when they can meet. */
export interface ParticipantProfile {
  /** Membership id in the program; unique among the program's mentees (or mentors). */
  id: string;
  /** The person behind the membership, so nobody is matched with themselves. Defaults to `id`. */
  personId?: string;
  /** Person id of the manager, for the reporting-line rule. */
  managerId?: string | null;
  department?: string | null;
  /** Ordinal seniority (e.g. 1 = junior .. 6 = executive); only differences matter. */
  seniority: number;
  languages: readonly string[];
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  availability: readonly WeeklySlot[];
  /** Topics the person wants to discuss (mentee) or can help with (mentor). */
  topics: readonly string[];
}

export interface MenteeProfile extends ParticipantProfile {
  wantedSkills: readonly WantedSkill[];
  /** Goals as tags ("public speaking", "promotion"); matched against the mentor's topics. */
  goals: readonly string[];
  wantedMentorTypes: readonly MentorType[];
}

export interface MentorProfile extends ParticipantProfile {
  offeredSkills: readonly OfferedSkill[];
  offeredMentorTypes: readonly MentorType[];
  /** How many more mentees this mentor can take now (remaining capacity). */
  capacity: number;
}
