import {
  COMPONENT_IDS,
  DEFAULT_WEIGHTS,
  MUST_HAVE_IDS,
  resolveCriteria,
  type ProgramCriteria,
} from '../criteria';
import { MatchingInputError } from '../matching-input.error';
import { runMatchingRound } from '../matching-round';
import { MentorIndex } from '../mentor-index';
import type { MenteeProfile, MentorProfile } from '../profile';
import { naiveTopK } from '../testing/naive-top-k';
import { generateFamilyPopulation, POPULATION_FAMILIES } from '../testing/population-families';
import { generateCriteria, generatePopulation, makeMentee, makeMentor } from '../testing/profiles';
import { compileScoring, pairFacts, type ScoringOptions } from './pair-facts';
import { menteeFeatures, mentorFeatures } from './profile-features';
import { PROGRAM_KIND_IDS, programKind } from './program-kinds';
import { SCORE_COMPONENTS, type ComponentTable, type ScoreComponentSpec } from './score-components';
import { assessPair, scorePair } from './score-pair';

/**
 * The explaining path and the index must agree on every pair: the same amount for every component
 * (measure vs. probe), the same eligibility, the same points.
 */
function expectScorerAndIndexAgree(
  mentees: readonly MenteeProfile[],
  mentors: readonly MentorProfile[],
  criteria: ProgramCriteria,
  options: ScoringOptions = {},
): number {
  const index = new MentorIndex(mentors, criteria, options);
  const scoring = compileScoring(criteria, options);
  let eligible = 0;
  for (const mentee of mentees) {
    const t = menteeFeatures(mentee, criteria.referenceDate);
    const found = new Map(index.candidates(mentee, { includeFull: true }).map((r) => [r.mentor, r.points]));
    index.mentors.forEach((mentor, j) => {
      const facts = pairFacts(scoring, t, mentorFeatures(mentor, criteria.referenceDate));
      expect(index.amountsOf(mentee, j)).toEqual(facts.amounts);
      const assessed = assessPair(mentee, mentor, criteria, options);
      expect(found.get(j) ?? null).toBe(assessed.eligible ? assessed.points : null);
      if (assessed.eligible) eligible++;
    });
  }
  return eligible;
}

/** A component only this test knows: mentors from another department widen the mentee's network. */
const otherDepartment: ScoreComponentSpec<(string | null)[]> = {
  id: 'otherDepartment',
  defaultWeight: 8,
  stated: (t) => (t.department === null ? 0 : 1),
  measure: (t, m) => ({
    amount: t.department !== null && m.department !== null && t.department !== m.department ? 1 : 0,
    labels: m.department === null ? [] : [m.profile.department ?? m.department],
  }),
  value: (amount, stated) => (stated === 0 ? 0.5 : amount),
  reason: ({ amount, labels }, stated) =>
    stated === 0 ? 'no department stated' : amount === 1 ? `from ${labels[0]}` : 'same or unknown department',
  pack: (mentors) => mentors.map((m) => m.department),
  probe: (departments, t) => (j) =>
    t.department !== null && departments[j] !== null && departments[j] !== t.department ? 1 : 0,
};
const EXTENDED: ComponentTable = [...SCORE_COMPONENTS, otherDepartment];

describe('SCORE_COMPONENTS', () => {
  it('is where component ids, default weights and must-haves come from', () => {
    expect(COMPONENT_IDS).toEqual(SCORE_COMPONENTS.map((c) => c.id));
    expect(Object.entries(DEFAULT_WEIGHTS)).toEqual(SCORE_COMPONENTS.map((c) => [c.id, c.defaultWeight]));
    expect(MUST_HAVE_IDS).toEqual(['skills', 'goals', 'mentorTypes', 'languages']);
  });

  it.each(POPULATION_FAMILIES.map((f) => [f.id, f] as const))(
    'gives the same amounts, eligibility and points in the scorer and the index: %s',
    (_id, family) => {
      const { mentees, mentors, criteria } = generateFamilyPopulation(family, 7, 12, 90);
      const eligible = expectScorerAndIndexAgree(mentees, mentors, criteria);
      // A family where nobody is eligible would prove nothing.
      expect(eligible).toBeGreaterThan(0);
    },
  );

  it.each(POPULATION_FAMILIES.map((f) => [f.id, f] as const))(
    "puts every mentor with a non-zero amount in the component's support, and none above its most: %s",
    (_id, family) => {
      const { mentees, mentors, criteria } = generateFamilyPopulation(family, 5, 20, 90);
      const features = mentors.map((m) => mentorFeatures(m, criteria.referenceDate));
      let outside = 0;
      for (const component of SCORE_COMPONENTS as ComponentTable) {
        const support = component.support;
        if (!support) continue;
        const packed = support.pack(features);
        for (const mentee of mentees) {
          const t = menteeFeatures(mentee, criteria.referenceDate);
          const bits = support.of(packed, t);
          const most = support.most(packed, t);
          const stated = component.stated(t);
          features.forEach((m, j) => {
            const inSupport = (bits[j >>> 5] & (1 << (j & 31))) !== 0;
            const amount = component.measure(t, m).amount;
            if (amount !== 0) expect([component.id, j, inSupport]).toEqual([component.id, j, true]);
            expect(amount).toBeLessThanOrEqual(most);
            // `value(most)` bounds every mentor's value: the index counts unmeasured components so.
            expect(component.value(amount, stated, criteria)).toBeLessThanOrEqual(
              component.value(most, stated, criteria),
            );
            if (!inSupport) outside++;
          });
        }
      }
      // Supports that held every mentor would prove nothing about the index's use of them.
      expect(outside).toBeGreaterThan(0);
    },
  );

  it('lets only rules that refuse every pair at amount 0 say so', () => {
    for (let seed = 0; seed < 40; seed++) {
      const criteria = generateCriteria(seed * 7 + 3, { minWeeklyOverlapHours: 0.5 + (seed % 3) });
      const { mentees, mentors } = generatePopulation(seed, 4, 4);
      for (const { spec } of compileScoring(criteria).rules) {
        if (!spec.refusesZero) continue;
        for (const mentee of mentees) {
          for (const mentor of mentors) {
            expect(
              spec.fails(
                menteeFeatures(mentee, criteria.referenceDate),
                mentorFeatures(mentor, criteria.referenceDate),
                0,
                criteria,
              ),
            ).toBe(true);
          }
        }
      }
    }
  });

  it('agrees on random organizations under random criteria of every program kind', () => {
    for (let seed = 0; seed < 25; seed++) {
      const { mentees, mentors } = generatePopulation(seed, 5, 60);
      expectScorerAndIndexAgree(mentees, mentors, generateCriteria(seed * 13 + 1));
    }
  });
});

describe('a component added as one table entry', () => {
  const criteria = resolveCriteria();

  it('is weighed, explained and ranked by every path without other changes', () => {
    const mentee = makeMentee({ department: 'Sales' });
    const mentor = makeMentor({ department: 'Engineering' });
    const extended = scorePair(mentee, mentor, criteria, { components: EXTENDED });
    const plain = scorePair(mentee, mentor, criteria);
    const added = extended.components.find((c) => c.id === 'otherDepartment');
    expect(added).toEqual({
      id: 'otherDepartment',
      value: 1,
      weight: 8 / 108,
      points: 7.41,
      reason: 'from Engineering',
    });
    expect(extended.components).toHaveLength(plain.components.length + 1);
    expect(extended.points).toBe(Math.round((plain.points * 100 + 8 * 10000) / 108));
    const sameDepartment = scorePair(mentee, makeMentor({ department: 'sales' }), criteria, {
      components: EXTENDED,
    });
    expect(sameDepartment.points).toBeLessThan(extended.points);
  });

  it('takes its weight from the criteria when they give one', () => {
    const weighed = { ...criteria, weights: { ...criteria.weights, otherDepartment: 0 } };
    const pair = scorePair(makeMentee({ department: 'Sales' }), makeMentor({ department: 'HR' }), weighed, {
      components: EXTENDED,
    });
    expect(pair.points).toBe(scorePair(makeMentee(), makeMentor(), criteria).points);
  });

  it.each(POPULATION_FAMILIES.map((f) => [f.id, f] as const))(
    'keeps the scorer, the index and the naive top-k in agreement: %s',
    (_id, family) => {
      const { mentees, mentors, criteria: c } = generateFamilyPopulation(family, 3, 8, 70);
      expectScorerAndIndexAgree(mentees, mentors, c, { components: EXTENDED });
      const index = new MentorIndex(mentors, c, { components: EXTENDED });
      for (const mentee of mentees) {
        const fast = index
          .topK(mentee, 5)
          .map((r) => ({ mentorId: index.mentors[r.mentor].id, points: r.points }));
        expect(fast).toEqual(naiveTopK(mentee, mentors, c, 5, { components: EXTENDED }));
      }
    },
  );

  it('reaches bulk rounds', () => {
    const mentees = [makeMentee({ id: 'ana', department: 'Sales' })];
    const mentors = [
      makeMentor({ id: 'a-same', department: 'Sales' }),
      makeMentor({ id: 'b-other', department: 'Legal' }),
    ];
    // Without the component the two tie and the first id wins; with it, the other department does.
    expect(runMatchingRound({ mentees, mentors, criteria }).pairs[0].mentorId).toBe('a-same');
    const report = runMatchingRound({ mentees, mentors, criteria, components: EXTENDED });
    expect(report.pairs[0].mentorId).toBe('b-other');
    expect(report.pairs[0].components.at(-1)?.reason).toBe('from Legal');
  });
});

describe('profiles', () => {
  it('are read on every call: an edited profile is scored as edited', () => {
    const criteria = resolveCriteria({ mustHaves: ['languages'] });
    const mentee = makeMentee();
    const mentor = makeMentor();
    expect(assessPair(mentee, mentor, criteria).eligible).toBe(true);
    (mentor as { languages: readonly string[] }).languages = ['German'];
    expect(assessPair(mentee, mentor, criteria)).toMatchObject({
      eligible: false,
      failures: [{ rule: 'must-have:languages' }],
    });
    (mentee as { wantedSkills: readonly { skill: string; targetLevel: number }[] }).wantedSkills = [];
    expect(scorePair(mentee, mentor, criteria).components[0].reason).toBe('no wanted skills stated');
  });
});

describe('program kinds', () => {
  it('has an entry for every kind, and only flash matches have no trial', () => {
    expect(PROGRAM_KIND_IDS).toEqual(['one-to-one', 'group', 'peer', 'reverse', 'flash']);
    expect(PROGRAM_KIND_IDS.filter((k) => !programKind(k).hasTrial)).toEqual(['flash']);
  });

  it('group: needs a group size, and a mentor takes capacity x group size mentees', () => {
    expect(() => resolveCriteria({ kind: 'group' })).toThrow(MatchingInputError);
    expect(() => resolveCriteria({ kind: 'one-to-one', groupSize: 4 })).toThrow(/only for group/);
    const criteria = resolveCriteria({ kind: 'group', groupSize: 3 });
    const mentees = ['a', 'b', 'c', 'd'].map((id) => makeMentee({ id }));
    const report = runMatchingRound({
      mentees,
      mentors: [makeMentor({ id: 'lead', capacity: 1 })],
      criteria,
    });
    expect(report.matchedCount).toBe(3);
    expect(report.mentorLoad).toEqual([{ mentorId: 'lead', capacity: 3, assigned: 3, remaining: 0 }]);
    expect(report.unmatched.map((u) => [u.menteeId, u.reason])).toEqual([['d', 'all-candidates-full']]);
  });

  it('flash: one conversation needs one common hour, and the mentor is not junior', () => {
    const criteria = resolveCriteria({ kind: 'flash' });
    expect(criteria.targetWeeklyOverlapHours).toBe(1);
    expect(resolveCriteria({ kind: 'flash', targetWeeklyOverlapHours: 3 }).targetWeeklyOverlapHours).toBe(3);
    const hour = [{ day: 1, start: '09:00', end: '10:00' }];
    const pair = scorePair(makeMentee(), makeMentor({ availability: hour }), criteria);
    expect(pair.components.find((c) => c.id === 'availability')?.value).toBe(1);
    expect(assessPair(makeMentee({ seniority: 4 }), makeMentor({ seniority: 2 }), criteria)).toMatchObject({
      eligible: false,
      failures: [{ rule: 'program-kind', reason: 'mentor is 2 levels junior to the mentee' }],
    });
  });

  it('rejects an unknown kind with the kinds it knows', () => {
    expect(() => resolveCriteria({ kind: 'mob' as never })).toThrow(
      /one-to-one, group, peer, reverse, flash/,
    );
  });
});
