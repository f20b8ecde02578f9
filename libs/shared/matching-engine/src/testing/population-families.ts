import { resolveCriteria, type ProgramCriteria, type ProgramCriteriaInput } from '../criteria';
import type { MenteeProfile, MentorProfile } from '../profile';
import { generatePopulation, type Population } from './profiles';
import { randomInt, seededRandom } from './random';

/**
 * Profile-level counterparts of the round families (round-families.ts), for what works on profiles:
 * top-k suggestions and the agreement of the explaining scorer with the index. Each family is a
 * seeded organization reshaped one way, with the criteria of a program kind.
 */
export interface PopulationFamily {
  id: string;
  description: string;
  criteria: ProgramCriteriaInput;
  /** Reshapes a generated organization; the default keeps it as generated. */
  reshape?: (population: Population, random: () => number) => Population;
}

const STANDARD: ProgramCriteriaInput = {
  mustHaves: ['languages'],
  minWeeklyOverlapHours: 0.5,
  excludeSameReportingLine: true,
};

const alike = {
  managerId: null,
  languages: ['English'],
  timeZone: 'Europe/London',
  availability: [{ day: 1, start: '09:00', end: '12:00' }],
};

/** Everyone alike except ids: every eligible pair ties, so only the id tie-break orders them. */
function allAlike({ mentees, mentors }: Population): Population {
  const [t0] = mentees;
  const [m0] = mentors;
  return {
    mentees: mentees.map((t) => ({ ...t0, ...alike, id: t.id, personId: t.id })),
    mentors: mentors.map((m) => ({
      ...m0,
      id: m.id,
      ...alike,
      personId: m.id,
      seniority: t0.seniority + 1,
      capacity: m.capacity || 1,
    })),
  };
}

/** 2 % of the mentors offer every wanted skill at level 5, the topics and types everyone wants. */
function extremePopularity({ mentees, mentors }: Population, random: () => number): Population {
  const stars = new Set<number>();
  while (stars.size < Math.max(1, Math.round(mentors.length * 0.02)))
    stars.add(randomInt(random, 0, mentors.length - 1));
  const skills = [...new Set(mentees.flatMap((t) => t.wantedSkills.map((s) => s.skill)))];
  const topics = [...new Set(mentees.flatMap((t) => [...t.goals, ...t.topics]))];
  return {
    mentees,
    mentors: mentors.map((m, j): MentorProfile =>
      stars.has(j)
        ? {
            ...m,
            offeredSkills: skills.map((skill) => ({ skill, level: 5 })),
            topics,
            offeredMentorTypes: ['technical', 'career', 'leadership', 'industry', 'entrepreneurial'],
            languages: ['English', 'German', 'French', 'Spanish', 'Hindi', 'Japanese'],
            availability: [{ day: 0, start: '00:00', end: '24:00' }],
          }
        : m,
    ),
  };
}

const withCapacity =
  (capacity: (random: () => number) => number) =>
  ({ mentees, mentors }: Population, random: () => number): Population => ({
    mentees,
    mentors: mentors.map((m) => ({ ...m, capacity: capacity(random) })),
  });

export const POPULATION_FAMILIES: readonly PopulationFamily[] = [
  { id: 'standard', description: 'one-to-one, language must-have, 0.5 h overlap', criteria: STANDARD },
  {
    id: 'all-equal',
    description: 'everyone alike: every eligible pair ties',
    criteria: STANDARD,
    reshape: allAlike,
  },
  {
    id: 'extreme-popularity',
    description: '2 % of the mentors offer everything everyone wants',
    criteria: STANDARD,
    reshape: extremePopularity,
  },
  {
    id: 'group',
    description: 'group program, groups of 6, 1..3 groups per mentor',
    criteria: { ...STANDARD, kind: 'group', groupSize: 6 },
    reshape: withCapacity((random) => randomInt(random, 1, 3)),
  },
  {
    id: 'capacity-1',
    description: 'every mentor has one seat',
    criteria: STANDARD,
    reshape: withCapacity(() => 1),
  },
  {
    id: 'flash',
    description: 'flash program: one conversation, no trial',
    criteria: { ...STANDARD, kind: 'flash' },
  },
  { id: 'peer', description: 'peer program, at most 1 level apart', criteria: { ...STANDARD, kind: 'peer' } },
  { id: 'reverse', description: 'reverse mentoring', criteria: { ...STANDARD, kind: 'reverse' } },
  {
    id: 'strict',
    description: 'must-haves on goals and languages; 3 h time-zone gap; no same department',
    criteria: {
      mustHaves: ['goals', 'languages'],
      maxTimeZoneGapHours: 3,
      excludeSameDepartment: true,
    },
  },
];

export interface FamilyPopulation extends Population {
  criteria: ProgramCriteria;
}

/** The organization of `family` for `seed` (same inputs, same profiles). */
export function generateFamilyPopulation(
  family: PopulationFamily,
  seed: number,
  menteeCount: number,
  mentorCount: number,
): FamilyPopulation {
  const population = generatePopulation(seed, menteeCount, mentorCount);
  const random = seededRandom(seed * 31 + POPULATION_FAMILIES.indexOf(family) + 1);
  const { mentees, mentors } = family.reshape ? family.reshape(population, random) : population;
  return {
    mentees: mentees as MenteeProfile[],
    mentors: mentors as MentorProfile[],
    criteria: resolveCriteria(family.criteria),
  };
}
