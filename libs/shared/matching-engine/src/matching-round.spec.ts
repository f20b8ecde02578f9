import { MAX_ROUND_MENTEES, prepareRound } from './assign/candidate-graph';
import { resolveCriteria } from './criteria';
import { MatchingInputError } from './matching-input.error';
import { runMatchingRound, solveMatchingRound, type RoundProgress } from './matching-round';
import { generatePopulation, makeMentee, makeMentor } from './testing/profiles';

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

describe('solveMatchingRound', () => {
  const { mentees, mentors } = generatePopulation(7, 300, 60);
  const wide = resolveCriteria({});

  it('gives the report runMatchingRound gives, with progress per phase from scoring to explaining', async () => {
    const progress: RoundProgress[] = [];
    const result = await solveMatchingRound(
      { mentees, mentors, criteria: wide },
      { onProgress: (p) => progress.push(p) },
    );
    const { warmStart, warmStarted, ...report } = result;
    expect(report).toEqual(runMatchingRound({ mentees, mentors, criteria: wide }));
    expect(warmStarted).toBe(false);
    expect(warmStart?.menteeIds).toHaveLength(mentees.length);
    const phases = progress.map((p) => p.phase).filter((p, k, all) => all[k - 1] !== p);
    expect(phases[0]).toBe('scoring');
    expect(phases.at(-1)).toBe('explaining');
    expect(phases).toContain('repair');
    expect(progress.every((p) => p.fraction >= 0 && p.fraction <= 1)).toBe(true);
  });

  it('re-solves warm after a coordinator forbids and fixes pairs, to the cold optimum', async () => {
    const first = await solveMatchingRound({ mentees, mentors, criteria: wide });
    const forbiddenPairs = first.pairs.slice(0, 10).map(({ menteeId, mentorId }) => ({ menteeId, mentorId }));
    const fixedPairs = [{ menteeId: first.pairs[20].menteeId, mentorId: first.pairs[40].mentorId }];
    const input = { mentees, mentors, criteria: wide, forbiddenPairs, fixedPairs };
    const warm = await solveMatchingRound(input, { warmStart: first.warmStart });
    const cold = runMatchingRound(input);
    expect(warm.warmStarted).toBe(true);
    expect([warm.matchedCount, warm.totalScore]).toEqual([cold.matchedCount, cold.totalScore]);
    expect(
      warm.pairs.some((p) =>
        forbiddenPairs.some((f) => f.menteeId === p.menteeId && f.mentorId === p.mentorId),
      ),
    ).toBe(false);
    // Another cohort (a mentee left): the stored state does not fit, the round is solved cold.
    const other = await solveMatchingRound(
      { mentees: mentees.slice(1), mentors, criteria: wide },
      { warmStart: first.warmStart },
    );
    expect(other.warmStarted).toBe(false);
  });

  it('stops when the signal is aborted, and can ignore decisions about people who left', async () => {
    const controller = new AbortController();
    await expect(
      solveMatchingRound(
        { mentees, mentors, criteria: wide },
        {
          signal: controller.signal,
          onProgress: (p) => p.phase === 'scoring' && p.fraction > 0.5 && controller.abort(),
        },
      ),
    ).rejects.toThrow(/abort/i);
    const gone = [{ menteeId: 'someone-who-left', mentorId: mentors[0].id }];
    await expect(solveMatchingRound({ mentees, mentors, criteria: wide, fixedPairs: gone })).rejects.toThrow(
      /unknown id/,
    );
    const ignored = await solveMatchingRound({
      mentees,
      mentors,
      criteria: wide,
      fixedPairs: gone,
      unknownPairs: 'ignore',
    });
    expect(ignored.matchedCount).toBe(runMatchingRound({ mentees, mentors, criteria: wide }).matchedCount);
  });

  it('starts cold from a stored state of another objective, and counts capacity in mentees when asked', async () => {
    const first = await solveMatchingRound({ mentees, mentors, criteria: wide });
    const other = await solveMatchingRound(
      { mentees, mentors, criteria: wide, objective: 'max-matched-then-score' },
      { warmStart: first.warmStart },
    );
    expect(other.warmStarted).toBe(false);
    const group = resolveCriteria({ kind: 'group', groupSize: 3 });
    const byKind = await solveMatchingRound({ mentees, mentors, criteria: group });
    const byMentees = await solveMatchingRound({
      mentees,
      mentors,
      criteria: group,
      capacityCounts: 'mentees',
    });
    const capacities = (load: { capacity: number }[]) => load.map((l) => l.capacity).sort((x, y) => x - y);
    const stated = mentors.map((m) => m.capacity).sort((x, y) => x - y);
    expect(capacities(byKind.mentorLoad)).toEqual(stated.map((c) => c * 3));
    expect(capacities(byMentees.mentorLoad)).toEqual(stated);
    expect(byMentees.matchedCount).toBeLessThan(byKind.matchedCount);
  });
});

describe('round-too-large', () => {
  it('carries the size of the refused round for the caller to word', () => {
    const huge = {
      menteeCount: MAX_ROUND_MENTEES + 1,
      mentorCount: 1,
      capacity: [1],
      edgeMentee: new Int32Array(3),
      edgeMentor: new Int32Array(3),
      edgePoints: new Int32Array(3),
    };
    let thrown: unknown;
    try {
      prepareRound(huge);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MatchingInputError);
    expect(thrown).toMatchObject({
      code: 'round-too-large',
      roundSize: { mentees: MAX_ROUND_MENTEES + 1, candidatePairs: 3 },
    });
  });
});
