import type { ProgramCriteria } from '../criteria';
import type { MenteeProfile, MentorProfile } from '../profile';
import { pairPoints } from '../scoring/score-pair';

/**
 * The reference the fast index must equal: score every pair one by one with the same per-pair code
 * as `assessPair` (minus the reason strings, which would only make the reference slower), keep the
 * eligible mentors with capacity, sort by points then id, take k. Tests and benchmarks only.
 */
export function naiveTopK(
  mentee: MenteeProfile,
  mentors: readonly MentorProfile[],
  criteria: ProgramCriteria,
  k: number,
): { mentorId: string; points: number }[] {
  const scored: { mentorId: string; points: number }[] = [];
  for (const mentor of mentors) {
    if (mentor.capacity <= 0) continue;
    const points = pairPoints(mentee, mentor, criteria);
    if (points !== null) scored.push({ mentorId: mentor.id, points });
  }
  scored.sort(
    (a, b) => b.points - a.points || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0),
  );
  return scored.slice(0, k);
}
