import type { ProgramCriteria } from '../criteria';
import type { MenteeProfile, MentorProfile } from '../profile';
import { compileScoring, type ScoringOptions } from '../scoring/pair-facts';
import { menteeFeatures, mentorFeatures, type MentorFeatures } from '../scoring/profile-features';
import { pairPointsOfFeatures } from '../scoring/score-pair';

/** Mentor features derived once, as the index derives them once when it is built. */
export interface NaiveMentors {
  mentors: readonly MentorProfile[];
  features: readonly MentorFeatures[];
}

export function naiveMentors(mentors: readonly MentorProfile[], criteria: ProgramCriteria): NaiveMentors {
  return { mentors, features: mentors.map((m) => mentorFeatures(m, criteria.referenceDate)) };
}

/**
 * The reference the fast index must equal: score every pair one by one with the same per-pair code
 * as `assessPair` (minus the reason strings, which would only make the reference slower), keep the
 * eligible mentors with capacity, sort by points then id, take k. Tests and benchmarks only.
 */
export function naiveTopK(
  mentee: MenteeProfile,
  mentors: readonly MentorProfile[] | NaiveMentors,
  criteria: ProgramCriteria,
  k: number,
  options: ScoringOptions = {},
): { mentorId: string; points: number }[] {
  const prepared = 'features' in mentors ? mentors : naiveMentors(mentors, criteria);
  const scoring = compileScoring(criteria, options);
  const t = menteeFeatures(mentee, criteria.referenceDate);
  const scored: { mentorId: string; points: number }[] = [];
  prepared.mentors.forEach((mentor, j) => {
    if (mentor.capacity <= 0) return;
    const points = pairPointsOfFeatures(scoring, t, prepared.features[j]);
    if (points !== null) scored.push({ mentorId: mentor.id, points });
  });
  scored.sort(
    (a, b) => b.points - a.points || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0),
  );
  return scored.slice(0, k);
}
