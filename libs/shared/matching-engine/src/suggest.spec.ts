import fc from 'fast-check';
import { resolveCriteria, type ProgramCriteria } from './criteria';
import type { MenteeProfile, MentorProfile } from './profile';
import { MentorIndex } from './mentor-index';
import { suggestMentors } from './suggest';
import { naiveTopK } from './testing/naive-top-k';
import { generateFamilyPopulation, POPULATION_FAMILIES } from './testing/population-families';
import { generateCriteria, generatePopulation, makeMentee, makeMentor } from './testing/profiles';

describe('suggestMentors', () => {
  it('equals the naive scorer on random organizations and criteria', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 15 }), (popSeed, criteriaSeed, k) => {
        const { mentees, mentors } = generatePopulation(popSeed, 6, 80);
        const criteria = generateCriteria(criteriaSeed);
        expectSameAsNaive(mentees, mentors, criteria, k);
      }),
      { numRuns: 60 },
    );
  });

  it('equals the naive scorer when the bar stops mentors before their lighter components', () => {
    // Small k makes a high bar early, and one dominating weight puts the checkpoints (where the
    // unmeasured weight falls to half) right after the first components measured.
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('skills', 'goals', 'mentorTypes', 'languages', 'seniority', 'timeZone'),
        (popSeed, criteriaSeed, k, heavy) => {
          const { mentees, mentors } = generatePopulation(popSeed, 5, 150);
          const base = generateCriteria(criteriaSeed);
          const criteria = resolveCriteria({
            ...base,
            weights: { ...base.weights, [heavy]: 80 },
            mustHaves: base.mustHaves,
          });
          expectSameAsNaive(mentees, mentors, criteria, k);
        },
      ),
      { numRuns: 80 },
    );
  });

  it.each(POPULATION_FAMILIES.map((f) => [f.id, f] as const))(
    'equals the naive scorer on the %s population family',
    (_id, family) => {
      for (let seed = 1; seed <= 3; seed++) {
        const { mentees, mentors, criteria } = generateFamilyPopulation(family, seed, 10, 120);
        const index = new MentorIndex(mentors, criteria);
        let suggested = 0;
        for (const mentee of mentees) {
          const fast = index
            .topK(mentee, 10)
            .map(({ mentor, points }) => ({ mentorId: index.mentors[mentor].id, points }));
          expect(fast).toEqual(naiveTopK(mentee, mentors, criteria, 10));
          suggested += fast.length;
        }
        expect(suggested).toBeGreaterThan(0);
      }
    },
  );

  it('breaks ties by mentor id and skips mentors without capacity', () => {
    const criteria = resolveCriteria();
    const mentors = [
      makeMentor({ id: 'm-c' }),
      makeMentor({ id: 'm-a' }),
      makeMentor({ id: 'm-full', capacity: 0, seniority: 3 }),
      makeMentor({ id: 'm-b' }),
    ];
    const result = suggestMentors(makeMentee(), mentors, criteria, 3);
    expect(result.map((s) => s.mentorId)).toEqual(['m-a', 'm-b', 'm-c']);
    expect(result.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(result[0].components.find((c) => c.id === 'languages')?.reason).toBe('shares English');
  });

  it('ranks by score and explains each suggestion', () => {
    const criteria = resolveCriteria();
    const mentors = [
      makeMentor({ id: 'weak', offeredSkills: [{ skill: 'TypeScript', level: 1 }] }),
      makeMentor({ id: 'strong' }),
    ];
    const [first, second] = suggestMentors(makeMentee(), new MentorIndex(mentors, criteria), criteria, 5);
    expect(first.mentorId).toBe('strong');
    expect(first.score).toBeGreaterThan(second.score);
    expect(second.components.find((c) => c.id === 'skills')?.reason).toBe(
      '0 of 1 wanted skills at or above target level',
    );
  });
});

/** Every mentee's top `k` from the index equals the naive scorer's, mentor by mentor and point by point. */
function expectSameAsNaive(
  mentees: readonly MenteeProfile[],
  mentors: readonly MentorProfile[],
  criteria: ProgramCriteria,
  k: number,
): void {
  const index = new MentorIndex(mentors, criteria);
  for (const mentee of mentees) {
    const fast = index
      .topK(mentee, k)
      .map(({ mentor, points }) => ({ mentorId: index.mentors[mentor].id, points }));
    expect(fast).toEqual(naiveTopK(mentee, mentors, criteria, k));
  }
}
