import {
  PROGRAM_KIND_IDS,
  resolveCriteria,
  type ProgramCriteria,
  type ProgramCriteriaInput,
} from '../criteria';
import {
  MENTOR_TYPES,
  type MenteeProfile,
  type MentorProfile,
  type MentorType,
  type WeeklySlot,
} from '../profile';
import { randomInt, seededRandom } from './random';

/** Factories: tests state only what matters to them. */
export function makeMentee(overrides: Partial<MenteeProfile> = {}): MenteeProfile {
  return {
    id: 'mentee-1',
    seniority: 2,
    languages: ['English'],
    timeZone: 'Europe/London',
    availability: [{ day: 1, start: '09:00', end: '12:00' }],
    topics: [],
    wantedSkills: [{ skill: 'TypeScript', targetLevel: 3 }],
    goals: ['public speaking'],
    wantedMentorTypes: ['technical'],
    ...overrides,
  };
}

export function makeMentor(overrides: Partial<MentorProfile> = {}): MentorProfile {
  return {
    id: 'mentor-1',
    seniority: 4,
    languages: ['English'],
    timeZone: 'Europe/London',
    availability: [{ day: 1, start: '09:00', end: '12:00' }],
    topics: ['public speaking'],
    offeredSkills: [{ skill: 'TypeScript', level: 4 }],
    offeredMentorTypes: ['technical', 'career'],
    capacity: 2,
    ...overrides,
  };
}

const SKILLS = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
const TOPICS = Array.from({ length: 30 }, (_, i) => `topic-${i}`);
const LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Hindi', 'Japanese'];
const ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Kathmandu',
  'Pacific/Auckland',
];
const DEPARTMENTS = ['engineering', 'sales', 'marketing', 'finance', 'people', 'product'];

function pick<T>(random: () => number, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(items[Math.floor(random() * items.length)]);
  return [...chosen];
}

function slots(random: () => number): WeeklySlot[] {
  const result: WeeklySlot[] = [];
  for (let s = randomInt(random, 0, 4); s > 0; s--) {
    const startQuarter = randomInt(random, 24, 80);
    const length = randomInt(random, 2, 16);
    const fmt = (q: number): string =>
      `${String(Math.floor(q / 4) % 24).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    result.push({ day: randomInt(random, 0, 6), start: fmt(startQuarter), end: fmt(startQuarter + length) });
  }
  return result;
}

export interface Population {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
}

/** A seeded organization: people share managers and departments so every rule gets exercised. */
export function generatePopulation(seed: number, menteeCount: number, mentorCount: number): Population {
  const random = seededRandom(seed);
  const persons = menteeCount + mentorCount;
  const person = (): string => `p${randomInt(random, 0, persons - 1)}`;
  const common = (id: string) => ({
    id,
    // A few people are in both lists, to exercise the same-person rule.
    personId: random() < 0.05 ? person() : id,
    managerId: random() < 0.8 ? person() : null,
    department: random() < 0.9 ? DEPARTMENTS[randomInt(random, 0, DEPARTMENTS.length - 1)] : null,
    seniority: randomInt(random, 1, 6),
    languages: pick(random, LANGUAGES, randomInt(random, 1, 3)),
    timeZone: ZONES[randomInt(random, 0, ZONES.length - 1)],
    availability: slots(random),
    topics: pick(random, TOPICS, randomInt(random, 0, 4)),
  });
  const types = (): MentorType[] => pick(random, MENTOR_TYPES, randomInt(random, 0, 3));
  const mentees: MenteeProfile[] = [];
  for (let i = 0; i < menteeCount; i++) {
    mentees.push({
      ...common(`t${String(i).padStart(6, '0')}`),
      wantedSkills: pick(random, SKILLS, randomInt(random, 0, 5)).map((skill) => ({
        skill,
        targetLevel: randomInt(random, 1, 5),
      })),
      goals: pick(random, TOPICS, randomInt(random, 0, 3)),
      wantedMentorTypes: types(),
    });
  }
  const mentors: MentorProfile[] = [];
  for (let j = 0; j < mentorCount; j++) {
    mentors.push({
      // Ids are not in generation order, so sorting by id is exercised.
      ...common(`m${String((j * 7919) % 1000003).padStart(7, '0')}-${j}`),
      offeredSkills: pick(random, SKILLS, randomInt(random, 1, 8)).map((skill) => ({
        skill,
        level: randomInt(random, 1, 5),
      })),
      offeredMentorTypes: types(),
      capacity: randomInt(random, 0, 3),
    });
  }
  return { mentees, mentors };
}

/** Random program criteria from a seed, covering every rule and kind. */
export function generateCriteria(seed: number, overrides: ProgramCriteriaInput = {}): ProgramCriteria {
  const random = seededRandom(seed);
  const kind = PROGRAM_KIND_IDS[randomInt(random, 0, PROGRAM_KIND_IDS.length - 1)];
  return resolveCriteria({
    kind,
    groupSize: kind === 'group' ? randomInt(random, 2, 8) : undefined,
    weights: {
      skills: randomInt(random, 0, 40),
      goals: randomInt(random, 0, 30),
      mentorTypes: randomInt(random, 0, 20),
      availability: randomInt(random, 0, 30),
      languages: randomInt(random, 0, 20),
      seniority: randomInt(random, 0, 20),
      timeZone: randomInt(random, 1, 10),
    },
    mustHaves: pick(
      random,
      ['skills', 'goals', 'mentorTypes', 'languages'] as const,
      randomInt(random, 0, 2),
    ),
    minWeeklyOverlapHours: random() < 0.3 ? randomInt(random, 1, 3) / 2 : 0,
    maxTimeZoneGapHours: random() < 0.3 ? randomInt(random, 2, 10) : null,
    excludeSameReportingLine: random() < 0.7,
    excludeSameDepartment: random() < 0.3,
    ...overrides,
  });
}
