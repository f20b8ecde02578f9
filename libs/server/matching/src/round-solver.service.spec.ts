import { MatchingInputError, resolveCriteria } from '@mentorship/matching-engine';
import type { ParticipantProfileRow } from './repositories/round-input.repository';
import { refusalOf, RoundRefusal, solveRound, type RoundProblem } from './round-solver.service';

const person = (userId: string, overrides: Partial<ParticipantProfileRow> = {}): ParticipantProfileRow => ({
  userId,
  email: `${userId}@example.test`,
  name: userId,
  timeZone: 'Europe/Berlin',
  languages: ['English'],
  seniority: 3,
  department: null,
  managerEmail: null,
  goals: [],
  topics: [],
  offeredMentorTypes: [],
  wantedMentorTypes: [],
  availability: [{ day: 1, start: '09:00', end: '12:00' }],
  places: 1,
  skills: [],
  ...overrides,
});

const problem = (overrides: Partial<RoundProblem> = {}): RoundProblem => ({
  criteria: resolveCriteria({ kind: 'one-to-one' }),
  mentees: ['a', 'b', 'c'].map((id) =>
    person(`mentee-${id}`, { skills: [{ skillId: 'ts', name: 'TypeScript', level: 3 }] }),
  ),
  mentors: [
    {
      ...person('mentor-x', { seniority: 5, skills: [{ skillId: 'ts', name: 'TypeScript', level: 4 }] }),
      freeSeats: 2,
    },
    { ...person('mentor-y', { seniority: 4 }), freeSeats: 1 },
  ],
  objective: 'max-score',
  mode: 'exact',
  fixedPairs: [],
  forbiddenPairs: [],
  warmStart: null,
  ...overrides,
});

describe(solveRound.name, () => {
  it('solves warm from the stored start of the same people, to the same proposals', async () => {
    const cold = await solveRound(problem());
    expect(cold.warmStarted).toBe(false);
    expect(cold.matchedCount).toBe(3);
    const forbidden = [{ menteeUserId: 'mentee-a', mentorUserId: cold.proposals[0].mentorUserId }];
    const warm = await solveRound(problem({ warmStart: cold.warmStart, forbiddenPairs: forbidden }));
    const again = await solveRound(problem({ forbiddenPairs: forbidden }));
    expect(warm.warmStarted).toBe(true);
    expect(warm.proposals).toEqual(again.proposals);
    expect(warm.totalScore).toBe(again.totalScore);
  });

  it('starts cold when the people changed since the stored start', async () => {
    const cold = await solveRound(problem());
    const fewer = problem({ warmStart: cold.warmStart });
    const other = await solveRound({ ...fewer, mentees: fewer.mentees.slice(1) });
    expect(other.warmStarted).toBe(false);
  });

  it('gives an unmatched mentee the reason and groups a group program by its size', async () => {
    const group = await solveRound(
      problem({
        criteria: resolveCriteria({ kind: 'group', groupSize: 2 }),
        mentors: [{ ...person('mentor-x', { seniority: 5, places: 2 }), freeSeats: 2 }],
      }),
    );
    expect(group.proposals.map((p) => p.groupNumber)).toEqual([1, 1]);
    expect(group.mentorLoad).toEqual([
      { mentorUserId: 'mentor-x', places: 2, assigned: 2, remaining: 0, groups: 1 },
    ]);
    expect(group.unmatched).toEqual([
      expect.objectContaining({ reason: 'all-candidates-full', candidateCount: 1 }),
    ]);
  });
});

describe(refusalOf.name, () => {
  it('says in words that a round is too large and suggests splitting the cohort', () => {
    const refusal = refusalOf(
      new MatchingInputError('round-too-large', 'too large', { mentees: 600_000, candidatePairs: 3 }),
    );
    expect(refusal).toBeInstanceOf(RoundRefusal);
    expect(refusal?.code).toBe('round_too_large');
    expect(refusal?.message).toMatch(/600000 mentees/);
    expect(refusal?.message).toMatch(/Split the cohort/);
  });

  it('leaves other errors alone', () => {
    expect(refusalOf(new Error('boom'))).toBeNull();
  });
});
