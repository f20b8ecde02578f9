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
  SCORE_COMPONENTS,
  NEUTRAL,
  shareOfStated,
  type ScoreComponentSpec,
  type ComponentTable,
  type Measure,
} from './scoring/score-components';
export type { ScoringOptions } from './scoring/pair-facts';
export type { MenteeFeatures, MentorFeatures } from './scoring/profile-features';
export type { Identity } from './scoring/eligibility-rules';
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
export {
  assignOptimal,
  assignOptimalAsync,
  type OptimalAssignment,
  type OptimalOptions,
  type WarmStart,
} from './assign/optimal';
export type { SolveControl, SolveProgress } from './assign/solve-control';
export { MAX_POINTS, MAX_ROUND_MENTEES, MAX_ROUND_CANDIDATE_PAIRS } from './assign/candidate-graph';
export { assignStable, countBlockingPairs } from './assign/stable';
export { assignGreedy } from './assign/greedy';
export {
  runMatchingRound,
  solveMatchingRound,
  type MatchingRoundControl,
  type MatchingRoundResult,
  type RoundProgress,
  type RoundWarmStart,
  type MatchingRoundInput,
  type MatchingRoundReport,
  type ProposedPair,
  type UnmatchedMentee,
  type UnmatchedReason,
  type MentorLoad,
  type PairById,
} from './matching-round';
