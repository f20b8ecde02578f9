import type { ProgramCriteria } from './criteria';
import { MentorIndex } from './mentor-index';
import type { MenteeProfile, MentorProfile } from './profile';
import { scorePair, type PairScore } from './scoring/score-pair';

export interface Suggestion extends PairScore {
  rank: number;
  /** The mentor's remaining capacity. */
  capacity: number;
}

/**
 * The `k` best mentors for one mentee, best first, ties broken by mentor id, each with its reasons.
 * Only mentors that pass every rule and still have capacity are suggested. Pass a `MentorIndex`
 * when asking for several mentees against the same mentors.
 */
export function suggestMentors(
  mentee: MenteeProfile,
  mentors: MentorIndex | readonly MentorProfile[],
  criteria: ProgramCriteria,
  k: number,
): Suggestion[] {
  const index =
    mentors instanceof MentorIndex && mentors.criteria === criteria ? mentors : toIndex(mentors, criteria);
  return index.topK(mentee, k).map(({ mentor }, i) => {
    const profile = index.mentors[mentor];
    return { ...scorePair(mentee, profile, criteria), rank: i + 1, capacity: profile.capacity };
  });
}

function toIndex(mentors: MentorIndex | readonly MentorProfile[], criteria: ProgramCriteria): MentorIndex {
  return new MentorIndex(mentors instanceof MentorIndex ? mentors.mentors : mentors, criteria);
}
