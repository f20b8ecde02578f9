import type { RoundDiffRecord, UserPair } from './entities/matching-round.entity';

type ScoredPair = UserPair & { score: number };

/**
 * What a re-run or a dry run changes against the proposals it starts from, mentee by mentee:
 * the same mentor (kept), another mentor (changed), a mentor where there was none (added), none
 * where there was one (removed); and the total score before and after.
 */
export function diffProposals(
  previousRoundId: string,
  before: readonly ScoredPair[],
  after: readonly ScoredPair[],
): RoundDiffRecord {
  const previous = new Map(before.map((p) => [p.menteeUserId, p]));
  const next = new Map(after.map((p) => [p.menteeUserId, p]));
  const diff: RoundDiffRecord = {
    previousRoundId,
    kept: 0,
    changed: [],
    added: [],
    removed: [],
    totalScoreBefore: sum(before),
    totalScoreAfter: sum(after),
  };
  for (const p of after) {
    const was = previous.get(p.menteeUserId);
    if (!was) diff.added.push({ menteeUserId: p.menteeUserId, mentorUserId: p.mentorUserId, score: p.score });
    else if (was.mentorUserId === p.mentorUserId) diff.kept++;
    else
      diff.changed.push({
        menteeUserId: p.menteeUserId,
        fromMentorUserId: was.mentorUserId,
        toMentorUserId: p.mentorUserId,
        scoreBefore: was.score,
        scoreAfter: p.score,
      });
  }
  for (const p of before)
    if (!next.has(p.menteeUserId))
      diff.removed.push({ menteeUserId: p.menteeUserId, mentorUserId: p.mentorUserId, score: p.score });
  return diff;
}

/** Scores have two decimals: sum in hundredths so the total is exact. */
const sum = (pairs: readonly ScoredPair[]) =>
  pairs.reduce((total, p) => total + Math.round(p.score * 100), 0) / 100;
