export * from './profile';
export * from './criteria';
export { MatchingInputError } from './matching-input.error';
export {
  weeklyUtcBitset,
  overlapQuarters,
  utcOffsetMinutes,
  timeZoneGapMinutes,
  QUARTERS_PER_WEEK,
} from './availability';
export {
  assessPair,
  scorePair,
  type PairAssessment,
  type PairScore,
  type EligiblePair,
  type IneligiblePair,
  type EligibilityRule,
  type RuleFailure,
  type ScoreComponent,
} from './scoring/score-pair';
export { MentorIndex, type RankedMentor, type CandidateQuery } from './mentor-index';
export { suggestMentors, type Suggestion } from './suggest';
export type {
  CandidateGraph,
  PairRef,
  Assignment,
  AssignmentObjective,
  AssignmentOptions,
} from './assign/candidate-graph';
export { assignOptimal } from './assign/auction';
export { assignStable, countBlockingPairs } from './assign/stable';
export { assignGreedy } from './assign/greedy';
export {
  runMatchingRound,
  type MatchingRoundInput,
  type MatchingRoundReport,
  type ProposedPair,
  type UnmatchedMentee,
  type UnmatchedReason,
  type MentorLoad,
  type PairById,
} from './matching-round';
