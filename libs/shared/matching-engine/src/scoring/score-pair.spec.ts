import { resolveCriteria } from '../criteria';
import { makeMentee, makeMentor } from '../testing/profiles';
import { assessPair, pairPoints, scorePair } from './score-pair';

const criteria = resolveCriteria();

describe('assessPair', () => {
  it('explains every component with a short reason', () => {
    const mentee = makeMentee({
      wantedSkills: [
        { skill: 'TypeScript', targetLevel: 3 },
        { skill: 'SQL', targetLevel: 2 },
        { skill: 'Go', targetLevel: 4 },
        { skill: 'Kubernetes', targetLevel: 2 },
      ],
      availability: [{ day: 1, start: '09:00', end: '13:30' }],
      languages: ['English', 'Polish'],
    });
    const mentor = makeMentor({
      offeredSkills: [
        { skill: 'typescript', level: 5 },
        { skill: 'SQL', level: 2 },
        { skill: 'Go', level: 4 },
        { skill: 'Kubernetes', level: 1 },
      ],
      availability: [{ day: 1, start: '08:00', end: '18:00' }],
    });
    const pair = assessPair(mentee, mentor, criteria);
    if (!pair.eligible) throw new Error('expected an eligible pair');
    const reason = (id: string): string | undefined => pair.components.find((c) => c.id === id)?.reason;
    expect(reason('skills')).toBe('3 of 4 wanted skills at or above target level (TypeScript, SQL, Go)');
    expect(reason('availability')).toBe('4.5 h of weekly overlap');
    expect(reason('languages')).toBe('shares English');
    expect(reason('seniority')).toBe('mentor 2 levels more senior');
    expect(reason('timeZone')).toBe('same UTC offset');
  });

  it('is the weighted sum of its components, in 0..100', () => {
    const pair = scorePair(makeMentee(), makeMentor(), criteria);
    const sum = pair.components.reduce((acc, c) => acc + c.value * c.weight * 100, 0);
    expect(pair.score).toBeCloseTo(sum, 2);
    expect(pair.points).toBe(Math.round(pair.score * 100));
    expect(pair.score).toBeGreaterThan(0);
    expect(pair.score).toBeLessThanOrEqual(100);
    // A perfect pair on every component scores 100.
    const only = resolveCriteria({
      weights: {
        skills: 1,
        goals: 0,
        mentorTypes: 0,
        availability: 0,
        languages: 0,
        seniority: 0,
        timeZone: 0,
      },
    });
    expect(scorePair(makeMentee(), makeMentor(), only).score).toBe(100);
  });

  it('reports the failing must-have instead of a score', () => {
    const strict = resolveCriteria({ mustHaves: ['languages', 'skills'] });
    const pair = assessPair(makeMentee({ languages: ['German'] }), makeMentor({ offeredSkills: [] }), strict);
    expect(pair).toEqual({
      menteeId: 'mentee-1',
      mentorId: 'mentor-1',
      eligible: false,
      failures: [
        { rule: 'must-have:languages', reason: 'no shared language' },
        { rule: 'must-have:skills', reason: 'no wanted skill at or above target level' },
      ],
    });
  });

  it('applies the program rules', () => {
    const rules = resolveCriteria({
      minWeeklyOverlapHours: 2,
      maxTimeZoneGapHours: 3,
      excludeSameDepartment: true,
    });
    const failed = (mentee = makeMentee(), mentor = makeMentor(), c = rules): string[] => {
      const pair = assessPair(mentee, mentor, c);
      return pair.eligible ? [] : pair.failures.map((f) => f.rule);
    };
    expect(failed()).toEqual([]);
    expect(failed(makeMentee({ personId: 'p1' }), makeMentor({ personId: 'p1' }))).toEqual(['same-person']);
    expect(failed(makeMentee({ managerId: 'boss' }), makeMentor({ personId: 'boss' }))).toEqual([
      'reporting-line',
    ]);
    expect(failed(makeMentee({ managerId: 'boss' }), makeMentor({ managerId: 'boss' }))).toEqual([
      'reporting-line',
    ]);
    expect(failed(makeMentee({ department: 'Sales' }), makeMentor({ department: 'sales' }))).toEqual([
      'same-department',
    ]);
    expect(failed(makeMentee({ seniority: 5 }), makeMentor({ seniority: 3 }))).toEqual(['program-kind']);
    expect(
      failed(makeMentee({ seniority: 5 }), makeMentor({ seniority: 3 }), { ...rules, kind: 'reverse' }),
    ).toEqual([]);
    expect(
      failed(makeMentee({ seniority: 2 }), makeMentor({ seniority: 4 }), { ...rules, kind: 'peer' }),
    ).toEqual(['program-kind']);
    expect(
      failed(makeMentee(), makeMentor({ availability: [{ day: 1, start: '09:00', end: '10:00' }] })),
    ).toEqual(['min-overlap']);
    expect(failed(makeMentee(), makeMentor({ timeZone: 'Asia/Tokyo' }))).toEqual([
      'min-overlap',
      'max-time-zone-gap',
    ]);
  });

  it('rejects invalid criteria and profiles', () => {
    expect(() => resolveCriteria({ weights: { skills: -1 } })).toThrow(/skills/);
    expect(() => assessPair(makeMentee({ timeZone: 'Nowhere/Land' }), makeMentor(), criteria)).toThrow(
      /time zone/,
    );
    expect(() =>
      assessPair(makeMentee(), makeMentor({ offeredSkills: [{ skill: 'x', level: 9 }] }), criteria),
    ).toThrow(/level/);
  });
});

describe('pairPoints', () => {
  it('gives the points of assessPair, or null when a rule fails', () => {
    const criteria = resolveCriteria({ mustHaves: ['languages'] });
    const pair = assessPair(makeMentee(), makeMentor(), criteria);
    expect(pair.eligible && pair.points).toBe(pairPoints(makeMentee(), makeMentor(), criteria));
    expect(pairPoints(makeMentee({ languages: ['German'] }), makeMentor(), criteria)).toBeNull();
  });
});
