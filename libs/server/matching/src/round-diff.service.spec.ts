import { diffProposals } from './round-diff.service';

describe(diffProposals.name, () => {
  const pair = (menteeUserId: string, mentorUserId: string, score: number) => ({
    menteeUserId,
    mentorUserId,
    score,
  });

  it('sorts each mentee into kept, changed, added or removed, with both totals', () => {
    const before = [pair('a', 'x', 80.1), pair('b', 'x', 70.2), pair('c', 'y', 60)];
    const after = [pair('a', 'x', 80.1), pair('b', 'y', 65.05), pair('d', 'x', 50.3)];
    expect(diffProposals('r1', before, after)).toEqual({
      previousRoundId: 'r1',
      kept: 1,
      changed: [
        {
          menteeUserId: 'b',
          fromMentorUserId: 'x',
          toMentorUserId: 'y',
          scoreBefore: 70.2,
          scoreAfter: 65.05,
        },
      ],
      added: [{ menteeUserId: 'd', mentorUserId: 'x', score: 50.3 }],
      removed: [{ menteeUserId: 'c', mentorUserId: 'y', score: 60 }],
      totalScoreBefore: 210.3,
      totalScoreAfter: 195.45,
    });
  });

  it('finds nothing to report between equal proposals', () => {
    const same = [pair('a', 'x', 10), pair('b', 'y', 20)];
    const diff = diffProposals('r1', same, [...same].reverse());
    expect([diff.kept, diff.changed.length, diff.added.length, diff.removed.length]).toEqual([2, 0, 0, 0]);
    expect(diff.totalScoreAfter).toBe(diff.totalScoreBefore);
  });
});
