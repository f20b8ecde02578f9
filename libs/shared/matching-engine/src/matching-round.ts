import { solveOptimalSteps, type OptimalAssignment, type WarmStart } from './assign/optimal';
import { runSteps, runStepsAsync, type SolveProgress } from './assign/solve-control';
import {
  prepareRound,
  type Assignment,
  type AssignmentObjective,
  type CandidateGraph,
  type PairRef,
} from './assign/candidate-graph';
import { countBlockingPairsPrepared, solveStable } from './assign/stable';
import type { ProgramCriteria } from './criteria';
import { MatchingInputError } from './matching-input.error';
import { compareIds, MentorIndex } from './mentor-index';
import type { MenteeProfile, MentorProfile } from './profile';
import type { ScoringOptions } from './scoring/pair-facts';
import { menteeFeatures } from './scoring/profile-features';
import { programKind } from './scoring/program-kinds';
import { explainFeatures, type ScoreComponent } from './scoring/score-pair';

export interface PairById {
  menteeId: string;
  mentorId: string;
}

export interface MatchingRoundInput {
  mentees: readonly MenteeProfile[];
  mentors: readonly MentorProfile[];
  criteria: ProgramCriteria;
  /** 'optimal' (default): exact best assignment; 'stable': mentee-proposing deferred acceptance. */
  mode?: 'optimal' | 'stable';
  /** Objective of the optimal mode; default 'max-score'. */
  objective?: AssignmentObjective;
  /** Pairs decided by a coordinator: always kept, even if they fail a rule, and counted against capacity. */
  fixedPairs?: readonly PairById[];
  forbiddenPairs?: readonly PairById[];
  /** The score component table; default the built-in one. */
  components?: ScoringOptions['components'];
  /**
   * What a fixed or forbidden pair naming an unknown mentee or mentor does: 'error' (default) throws
   * `unknown-id`; 'ignore' drops the pair (a coordinator's decision about someone who has left).
   */
  unknownPairs?: 'error' | 'ignore';
  /**
   * What a mentor's `capacity` counts: 'program-kind' (default) the kind's unit (groups of
   * `groupSize` in a group program, see program-kinds.ts); 'mentees' mentee seats as they are (a
   * product that stores a group mentor's places as mentee places).
   */
  capacityCounts?: 'program-kind' | 'mentees';
  /** Stable mode: also solve exactly to report `optimum` (default true; false saves that solve). */
  compareWithOptimum?: boolean;
}

/** What an exact round leaves for the next run of the same people: the solve's state, by id. */
export interface RoundWarmStart {
  /** Mentee and mentor ids in the order the round used them (sorted by id). */
  menteeIds: readonly string[];
  mentorIds: readonly string[];
  solve: WarmStart;
}

/** Where a round is: scoring the pairs, the exact solve's phases, or explaining the result. */
export interface RoundProgress {
  phase: 'scoring' | SolveProgress['phase'] | 'explaining';
  /** How far through this phase, 0..1. */
  fraction: number;
}

export interface MatchingRoundControl {
  /** Called at each checkpoint (every few milliseconds of work at most). */
  onProgress?: (progress: RoundProgress) => void;
  /** Aborting stops the round at the next checkpoint with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The previous exact run's `warmStart`. Used when it is for the same objective and the same mentee
   * and mentor ids (decisions and capacities may differ); otherwise the round is solved cold.
   */
  warmStart?: RoundWarmStart | null;
}

export interface MatchingRoundResult extends MatchingRoundReport {
  /** For the next run of the round (null in the stable mode). */
  warmStart: RoundWarmStart | null;
  /** Whether this run started from `control.warmStart`. */
  warmStarted: boolean;
}

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  score: number;
  points: number;
  fixed: boolean;
  components: ScoreComponent[];
}

export type UnmatchedReason = 'no-eligible-mentor' | 'all-candidates-forbidden' | 'all-candidates-full';

export interface UnmatchedMentee {
  menteeId: string;
  reason: UnmatchedReason;
  message: string;
  /** Mentors that passed every rule (with or without capacity). */
  candidateCount: number;
}

export interface MentorLoad {
  mentorId: string;
  /**
   * Mentee seats before this round: the remaining capacity, times `groupSize` in a group program
   * (whose capacity counts groups).
   */
  capacity: number;
  assigned: number;
  remaining: number;
}

export interface MatchingRoundReport {
  mode: 'optimal' | 'stable';
  objective: AssignmentObjective | null;
  /** Pairs in mentee id order. */
  pairs: ProposedPair[];
  unmatched: UnmatchedMentee[];
  mentorLoad: MentorLoad[];
  matchedCount: number;
  /** Sum of the pairs' scores (0..100 each). */
  totalScore: number;
  /** Blocking pairs of this assignment under score-based preferences (0 for the stable mode). */
  blockingPairs: number;
  /** Stable mode only: the exact optimum's total score, and this assignment's share of it. */
  optimum: { totalScore: number; ratio: number } | null;
}

const UNMATCHED_MESSAGE: Record<UnmatchedReason, string> = {
  'no-eligible-mentor': "no mentor passes the program's must-haves",
  'all-candidates-forbidden': 'every eligible mentor is excluded for this mentee',
  'all-candidates-full': 'every eligible mentor is at capacity',
};

/**
 * A bulk matching round from profiles to a report: scores every eligible pair through the mentor
 * index, assigns exactly (or stably), and explains each proposed pair and each unmatched mentee.
 * Synchronous; `solveMatchingRound` is the same round with progress, cancellation and warm starts.
 */
export function runMatchingRound(input: MatchingRoundInput): MatchingRoundReport {
  const report: Partial<MatchingRoundResult> = runSteps(roundSteps(input, null), {});
  delete report.warmStart;
  delete report.warmStarted;
  return report as MatchingRoundReport;
}

/**
 * The round a product runs: `runMatchingRound` that reports progress, yields to the event loop
 * between checkpoints (so progress can be written and `signal` can stop it), and re-solves warm from
 * `control.warmStart` (same optimum as cold, usually much faster after a coordinator's changes).
 * The result carries the `warmStart` for the next run.
 */
export function solveMatchingRound(
  input: MatchingRoundInput,
  control: MatchingRoundControl = {},
): Promise<MatchingRoundResult> {
  return runStepsAsync(roundSteps(input, control.warmStart ?? null), control);
}

/** Mentees scored between two progress checkpoints, and pairs explained between two. */
const SCORING_CHECKPOINT = 64;
const EXPLAIN_CHECKPOINT = 256;

function* roundSteps(
  input: MatchingRoundInput,
  warm: RoundWarmStart | null,
): Generator<RoundProgress, MatchingRoundResult> {
  const { criteria } = input;
  const mode = input.mode ?? 'optimal';
  const index = new MentorIndex(input.mentors, criteria, { components: input.components });
  const seats = (capacity: number): number =>
    input.capacityCounts === 'mentees'
      ? capacity
      : programKind(criteria.kind).seats(capacity, criteria.groupSize ?? null);
  const mentees = [...input.mentees].sort((a, b) => compareIds(a.id, b.id));
  const menteePosition = new Map<string, number>();
  mentees.forEach((t, i) => {
    if (menteePosition.has(t.id))
      throw new MatchingInputError('duplicate-id', `mentee id "${t.id}" appears twice`);
    menteePosition.set(t.id, i);
  });
  const mentorPosition = new Map(index.mentors.map((m, j) => [m.id, j]));
  const toRefs = (pairs: readonly PairById[] | undefined, what: string): PairRef[] =>
    (pairs ?? []).flatMap((pair): PairRef[] => {
      const i = menteePosition.get(pair.menteeId);
      const j = mentorPosition.get(pair.mentorId);
      if (i !== undefined && j !== undefined) return [[i, j]];
      if (input.unknownPairs === 'ignore') return [];
      throw new MatchingInputError(
        'unknown-id',
        `${what} pair ${pair.menteeId} -> ${pair.mentorId} names an unknown id`,
      );
    });
  const fixed = toRefs(input.fixedPairs, 'fixed');
  const forbidden = toRefs(input.forbiddenPairs, 'forbidden');

  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgePoints: number[] = [];
  const candidateCount = new Int32Array(mentees.length);
  for (let i = 0; i < mentees.length; i++) {
    const found = index.candidates(mentees[i], { includeFull: true });
    candidateCount[i] = found.length;
    for (const { mentor, points } of found) {
      edgeMentee.push(i);
      edgeMentor.push(mentor);
      edgePoints.push(points);
    }
    if ((i + 1) % SCORING_CHECKPOINT === 0) yield { phase: 'scoring', fraction: (i + 1) / mentees.length };
  }
  yield { phase: 'scoring', fraction: 1 };
  // A fixed pair that fails a rule is not a candidate; give it an edge so its score is counted.
  const isCandidate = new Set(edgeMentee.map((i, e) => `${i}:${edgeMentor[e]}`));
  for (const [i, j] of fixed) {
    if (isCandidate.has(`${i}:${j}`)) continue;
    edgeMentee.push(i);
    edgeMentor.push(j);
    edgePoints.push(
      explainFeatures(index.scoring, menteeFeatures(mentees[i], criteria.referenceDate), index.features[j])
        .points,
    );
  }
  const graph: CandidateGraph = {
    menteeCount: mentees.length,
    mentorCount: index.mentors.length,
    capacity: index.mentors.map((m) => seats(m.capacity)),
    edgeMentee: Int32Array.from(edgeMentee),
    edgeMentor: Int32Array.from(edgeMentor),
    edgePoints: Int32Array.from(edgePoints),
  };
  const options = { fixed, forbidden, objective: input.objective ?? 'max-score' };
  // Validated and prepared once; every solver below only reads the prepared round.
  const round = prepareRound(graph, options);
  const menteeIds = mentees.map((t) => t.id);
  const mentorIds = index.mentors.map((m) => m.id);
  const usable =
    mode === 'optimal' &&
    warm !== null &&
    warm.solve.objective === options.objective &&
    warm.solve.prices.length === mentorIds.length &&
    warm.solve.mentorOf.length === menteeIds.length &&
    sameIds(warm.menteeIds, menteeIds) &&
    sameIds(warm.mentorIds, mentorIds)
      ? warm.solve
      : undefined;
  let exact: OptimalAssignment | null = null;
  if (mode === 'optimal')
    exact = yield* solveOptimalSteps(round, { objective: options.objective, warmStart: usable });
  const assignment: Assignment = exact ?? solveStable(round);
  const optimum =
    mode === 'stable' && input.compareWithOptimum !== false ? yield* solveOptimalSteps(round) : null;

  const fixedMentee = new Set(fixed.map(([i]) => i));
  const forbiddenCount = new Int32Array(mentees.length);
  for (const [i, j] of forbidden) if (isCandidate.has(`${i}:${j}`)) forbiddenCount[i]++;
  const pairs: ProposedPair[] = [];
  const unmatched: UnmatchedMentee[] = [];
  const assigned = new Int32Array(index.mentors.length);
  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i];
    if ((i + 1) % EXPLAIN_CHECKPOINT === 0) yield { phase: 'explaining', fraction: (i + 1) / mentees.length };
    const j = assignment.mentorOf[i];
    if (j !== -1) {
      assigned[j]++;
      const explained = explainFeatures(
        index.scoring,
        menteeFeatures(mentee, criteria.referenceDate),
        index.features[j],
      );
      pairs.push({ ...explained, fixed: fixedMentee.has(i) });
      continue;
    }
    const reason: UnmatchedReason =
      candidateCount[i] === 0
        ? 'no-eligible-mentor'
        : forbiddenCount[i] === candidateCount[i]
          ? 'all-candidates-forbidden'
          : 'all-candidates-full';
    unmatched.push({
      menteeId: mentee.id,
      reason,
      message: UNMATCHED_MESSAGE[reason],
      candidateCount: candidateCount[i],
    });
  }
  yield { phase: 'explaining', fraction: 1 };
  const totalScore = assignment.totalPoints / 100;
  return {
    mode,
    objective: mode === 'optimal' ? options.objective : null,
    pairs,
    unmatched,
    mentorLoad: index.mentors.map((m, j) => ({
      mentorId: m.id,
      capacity: seats(m.capacity),
      assigned: assigned[j],
      remaining: seats(m.capacity) - assigned[j],
    })),
    matchedCount: assignment.matchedCount,
    totalScore,
    blockingPairs: countBlockingPairsPrepared(round, assignment.mentorOf),
    optimum: optimum
      ? {
          totalScore: optimum.totalPoints / 100,
          ratio: optimum.totalPoints === 0 ? 1 : assignment.totalPoints / optimum.totalPoints,
        }
      : null,
    warmStart: exact ? { menteeIds, mentorIds, solve: exact.warmStart } : null,
    warmStarted: usable !== undefined,
  };
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, k) => id === b[k]);
