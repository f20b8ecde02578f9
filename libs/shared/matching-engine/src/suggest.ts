import type { ProgramCriteria } from './criteria';
import { MentorIndex } from './mentor-index';
import type { MenteeProfile, MentorProfile } from './profile';
import { menteeFeatures } from './scoring/profile-features';
import { explainFeatures, type PairScore } from './scoring/score-pair';

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
  const features = menteeFeatures(mentee, criteria.referenceDate);
  return index.topK(mentee, k).map(({ mentor }, i) => ({
    ...explainFeatures(index.scoring, features, index.features[mentor]),
    rank: i + 1,
    capacity: index.mentors[mentor].capacity,
  }));
}

function toIndex(mentors: MentorIndex | readonly MentorProfile[], criteria: ProgramCriteria): MentorIndex {
  if (mentors instanceof MentorIndex)
    return new MentorIndex(mentors.mentors, criteria, { components: mentors.scoring.table });
  return new MentorIndex(mentors, criteria);
}
