import { resolveCriteria } from './criteria';
import { runMatchingRound } from './matching-round';
import { makeMentee, makeMentor } from './testing/profiles';

const criteria = resolveCriteria({ mustHaves: ['languages'] });

describe('runMatchingRound', () => {
  const mentees = [
    makeMentee({ id: 'ana' }),
    makeMentee({ id: 'ben' }),
    makeMentee({ id: 'cleo', languages: ['Japanese'] }),
    makeMentee({ id: 'dan', wantedSkills: [{ skill: 'Go', targetLevel: 2 }] }),
  ];
  const mentors = [
    makeMentor({ id: 'ts', capacity: 1 }),
    makeMentor({ id: 'go', capacity: 1, offeredSkills: [{ skill: 'Go', level: 3 }] }),
  ];

  it('reports pairs with reasons, unmatched mentees with the reason, and the mentors load', () => {
    const report = runMatchingRound({ mentees, mentors, criteria });
    expect(report.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ['ana', 'ts'],
      ['dan', 'go'],
    ]);
    expect(report.pairs[0].components).toHaveLength(7);
    expect(report.unmatched).toEqual([
      {
        menteeId: 'ben',
        reason: 'all-candidates-full',
        message: 'every eligible mentor is at capacity',
        candidateCount: 2,
      },
      {
        menteeId: 'cleo',
        reason: 'no-eligible-mentor',
        message: "no mentor passes the program's must-haves",
        candidateCount: 0,
      },
    ]);
    expect(report.mentorLoad).toEqual([
      { mentorId: 'go', capacity: 1, assigned: 1, remaining: 0 },
      { mentorId: 'ts', capacity: 1, assigned: 1, remaining: 0 },
    ]);
    expect(report.totalScore).toBeCloseTo(
      report.pairs.reduce((s, p) => s + p.score, 0),
      2,
    );
    expect(report.optimum).toBeNull();
  });

  it('keeps fixed pairs, drops forbidden ones, and reports forbidden-only mentees', () => {
    const report = runMatchingRound({
      mentees,
      mentors,
      criteria,
      fixedPairs: [{ menteeId: 'ben', mentorId: 'ts' }],
      forbiddenPairs: [
        { menteeId: 'dan', mentorId: 'go' },
        { menteeId: 'dan', mentorId: 'ts' },
      ],
    });
    expect(report.pairs.find((p) => p.menteeId === 'ben')).toMatchObject({ mentorId: 'ts', fixed: true });
    expect(report.pairs.some((p) => p.menteeId === 'dan')).toBe(false);
    expect(report.unmatched.find((u) => u.menteeId === 'dan')?.reason).toBe('all-candidates-forbidden');
  });

  it('states blocking pairs, and for the stable mode the score against the optimum', () => {
    const stable = runMatchingRound({ mentees, mentors, criteria, mode: 'stable' });
    expect(stable.blockingPairs).toBe(0);
    expect(stable.optimum?.totalScore).toBeGreaterThanOrEqual(stable.totalScore);
    expect(stable.optimum?.ratio).toBeLessThanOrEqual(1);
    expect(() =>
      runMatchingRound({ mentees, mentors, criteria, fixedPairs: [{ menteeId: 'x', mentorId: 'ts' }] }),
    ).toThrow(/unknown id/);
  });
});
