import { utcOffsetMinutes, weeklyUtcBitset } from '../availability';
import { MatchingInputError } from '../matching-input.error';
import {
  MAX_SKILL_LEVEL,
  MENTOR_TYPES,
  MIN_SKILL_LEVEL,
  type MenteeProfile,
  type MentorProfile,
  type ParticipantProfile,
} from '../profile';

/** Tags, skills and languages compare case- and space-insensitively. */
export function tagKey(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A profile reduced to what scoring needs; derived once per profile and reference date. */
export interface CommonFeatures {
  id: string;
  personId: string;
  managerId: string | null;
  department: string | null;
  seniority: number;
  /** Language key -> label as the person wrote it. */
  languages: Map<string, string>;
  offsetMinutes: number;
  availability: Uint32Array;
  /** Topic key -> label. */
  topics: Map<string, string>;
}

export interface MenteeFeatures extends CommonFeatures {
  /** The profile itself, for a component that reads a field no other component needs. */
  profile: MenteeProfile;
  /** Skill key -> target level (the highest, if a skill is listed twice). */
  wantedSkills: Map<string, { label: string; level: number }>;
  /** Goals and topics together: what the mentee wants to talk about. */
  interests: Map<string, string>;
  wantedTypes: Set<string>;
}

export interface MentorFeatures extends CommonFeatures {
  profile: MentorProfile;
  offeredSkills: Map<string, { label: string; level: number }>;
  offeredTypes: Set<string>;
}

function labelMap(values: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of values) {
    const key = tagKey(v);
    if (key && !map.has(key)) map.set(key, v.trim());
  }
  return map;
}

function skillMap(
  skills: readonly { skill: string; level: number }[],
  who: string,
): Map<string, { label: string; level: number }> {
  const map = new Map<string, { label: string; level: number }>();
  for (const s of skills) {
    if (!Number.isInteger(s.level) || s.level < MIN_SKILL_LEVEL || s.level > MAX_SKILL_LEVEL) {
      throw new MatchingInputError(
        'invalid-profile',
        `${who}: skill "${s.skill}" level must be an integer 1..5`,
      );
    }
    const key = tagKey(s.skill);
    const prev = map.get(key);
    if (key && (!prev || prev.level < s.level)) map.set(key, { label: s.skill.trim(), level: s.level });
  }
  return map;
}

function mentorTypes(types: readonly string[], who: string): Set<string> {
  for (const t of types) {
    if (!(MENTOR_TYPES as readonly string[]).includes(t)) {
      throw new MatchingInputError('invalid-profile', `${who}: unknown mentor type "${t}"`);
    }
  }
  return new Set(types);
}

function common(p: ParticipantProfile, referenceDate: string, who: string): CommonFeatures {
  if (typeof p.id !== 'string' || p.id === '')
    throw new MatchingInputError('invalid-profile', `${who}: id is required`);
  if (!Number.isFinite(p.seniority))
    throw new MatchingInputError('invalid-profile', `${who}: seniority must be a number`);
  return {
    id: p.id,
    personId: p.personId ?? p.id,
    managerId: p.managerId ?? null,
    department: p.department ? tagKey(p.department) : null,
    seniority: p.seniority,
    languages: labelMap(p.languages),
    offsetMinutes: utcOffsetMinutes(p.timeZone, referenceDate),
    availability: weeklyUtcBitset(p.availability, p.timeZone, referenceDate),
    topics: labelMap(p.topics),
  };
}

/*
 * Features are derived on every call, never cached per profile object: a profile may be edited
 * between two calls (a coordinator's screen keeps its objects), and a stale score would be silent.
 * The mentor index derives each mentor's features once, when it is built.
 */
export function menteeFeatures(mentee: MenteeProfile, referenceDate: string): MenteeFeatures {
  const who = `mentee ${mentee.id}`;
  const base = common(mentee, referenceDate, who);
  const wanted = skillMap(
    mentee.wantedSkills.map((s) => ({ skill: s.skill, level: s.targetLevel })),
    who,
  );
  return {
    ...base,
    profile: mentee,
    wantedSkills: wanted,
    interests: labelMap([...mentee.goals, ...mentee.topics]),
    wantedTypes: mentorTypes(mentee.wantedMentorTypes, who),
  };
}

export function mentorFeatures(mentor: MentorProfile, referenceDate: string): MentorFeatures {
  const who = `mentor ${mentor.id}`;
  if (!Number.isInteger(mentor.capacity) || mentor.capacity < 0) {
    throw new MatchingInputError('invalid-profile', `${who}: capacity must be an integer >= 0`);
  }
  return {
    ...common(mentor, referenceDate, who),
    profile: mentor,
    offeredSkills: skillMap(mentor.offeredSkills, who),
    offeredTypes: mentorTypes(mentor.offeredMentorTypes, who),
  };
}
