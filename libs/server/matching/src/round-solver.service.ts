/**
 * A bulk round from stored profiles to proposals: the matching engine's `solveMatchingRound` (which
 * scores the candidate pairs, places fixed pairs, drops forbidden ones, solves exactly or stably,
 * explains unmatched mentees, reports progress per phase, yields to the event loop so a shutdown can
 * abort it, and re-solves warm), plus what only the product knows: people by user id, a mentor's free
 * places as mentee seats, group numbers, the coordinator's wording, and the engine's warm start stored
 * by id so any worker can use it.
 */
import type { RoundMode, RoundObjective, UnmatchedReasonCode } from '@mentorship/contracts';
import {
  MatchingInputError,
  MAX_ROUND_CANDIDATE_PAIRS,
  MAX_ROUND_MENTEES,
  solveMatchingRound,
  type MatchingRoundResult,
  type MenteeProfile,
  type MentorProfile,
  type PairById,
  type ProgramCriteria,
  type RoundWarmStart,
} from '@mentorship/matching-engine';
import type {
  MentorLoadRecord,
  StoredWarmStart,
  UnmatchedMenteeRecord,
  UserPair,
} from './entities/matching-round.entity';
import type { ProposalComponent } from './entities/round-proposal.entity';
import { engineMenteeOf, engineMentorOf, type EngineIdentity } from './engine-profiles.service';
import type { ParticipantProfileRow } from './repositories/round-input.repository';

/** A mentor as a round sees them: the profile and the mentee places still free. */
export interface RoundMentor extends ParticipantProfileRow {
  /** Places minus the mentor's load in every cohort, never below 0. */
  freeSeats: number;
}

export interface RoundProblem {
  criteria: ProgramCriteria;
  mentees: readonly ParticipantProfileRow[];
  mentors: readonly RoundMentor[];
  objective: RoundObjective;
  mode: RoundMode;
  fixedPairs: readonly UserPair[];
  forbiddenPairs: readonly UserPair[];
  /** The previous exact solve of this cohort; used only when it solved the same people. */
  warmStart: StoredWarmStart | null;
}

export interface SolvedProposal extends UserPair {
  score: number;
  fixed: boolean;
  groupNumber: number | null;
  components: ProposalComponent[];
}

export interface RoundSolution {
  proposals: SolvedProposal[];
  unmatched: UnmatchedMenteeRecord[];
  mentorLoad: MentorLoadRecord[];
  matchedCount: number;
  totalScore: number;
  blockingPairs: number;
  /** What the next exact solve can start from (null for the stable mode). */
  warmStart: StoredWarmStart | null;
  warmStarted: boolean;
}

/** Where the solve is: `scoring` or `solving`, and how far through it (0..1). */
export type RoundSolveProgress = (phase: 'scoring' | 'solving', fraction: number) => void;

/** A round the engine will not solve, in words for the coordinator, with a stable code. */
export class RoundRefusal extends Error {
  constructor(
    readonly code: 'round_too_large' | 'round_fixed_pairs_invalid',
    message: string,
  ) {
    super(message);
  }
}

const UNMATCHED_WORDS: Record<UnmatchedReasonCode, string> = {
  'no-eligible-mentor':
    "No mentor of the cohort passes the program's rules for this mentee (must-haves, time zones, reporting line, seniority).",
  'all-candidates-forbidden': 'Every mentor who would fit this mentee is forbidden for them in this round.',
  'all-candidates-full': 'Every mentor who would fit this mentee has no free place left.',
};

export async function solveRound(
  problem: RoundProblem,
  control: { onProgress?: RoundSolveProgress; signal?: AbortSignal } = {},
): Promise<RoundSolution> {
  const { criteria } = problem;
  const { mentees, mentors } = engineProfilesOf(problem);
  let result: MatchingRoundResult;
  try {
    result = await solveMatchingRound(
      {
        mentees,
        mentors,
        criteria,
        mode: problem.mode === 'stable' ? 'stable' : 'optimal',
        objective: problem.objective,
        fixedPairs: problem.fixedPairs.map(byId),
        forbiddenPairs: problem.forbiddenPairs.map(byId),
        // Decisions about people who left the cohort (or were matched meanwhile) no longer apply.
        unknownPairs: 'ignore',
        // The product does not show the stable round's distance to the optimum: skip that solve.
        compareWithOptimum: false,
        // A mentor's free places are mentee places, also in a group program.
        capacityCounts: 'mentees',
      },
      {
        onProgress: (p) => control.onProgress?.(p.phase === 'scoring' ? 'scoring' : 'solving', p.fraction),
        signal: control.signal,
        warmStart: problem.mode === 'exact' ? loadWarmStart(problem.warmStart) : null,
      },
    );
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
  control.onProgress?.('solving', 1);

  const mentorRows = new Map(problem.mentors.map((m) => [m.userId, m]));
  const groupSize = criteria.kind === 'group' ? (criteria.groupSize ?? null) : null;
  const assigned = new Map<string, number>();
  // Pairs come in mentee id order; seats the mentor fills elsewhere come first, so a group number
  // counts the mentor's groups.
  const proposals = result.pairs.map((pair): SolvedProposal => {
    const row = mentorRows.get(pair.mentorId);
    const taken = row ? Math.max(0, row.places - row.freeSeats) : 0;
    const before = assigned.get(pair.mentorId) ?? 0;
    assigned.set(pair.mentorId, before + 1);
    return {
      menteeUserId: pair.menteeId,
      mentorUserId: pair.mentorId,
      score: pair.score,
      fixed: pair.fixed,
      groupNumber: groupSize === null ? null : Math.floor((taken + before) / groupSize) + 1,
      components: pair.components,
    };
  });
  const groupsOf = new Map<string, Set<number | null>>();
  for (const p of proposals)
    groupsOf.set(p.mentorUserId, (groupsOf.get(p.mentorUserId) ?? new Set()).add(p.groupNumber));
  return {
    proposals,
    unmatched: result.unmatched.map((u): UnmatchedMenteeRecord => ({
      menteeUserId: u.menteeId,
      reason: u.reason,
      message: UNMATCHED_WORDS[u.reason],
      candidateCount: u.candidateCount,
    })),
    mentorLoad: result.mentorLoad.map((load): MentorLoadRecord => ({
      mentorUserId: load.mentorId,
      places: load.capacity,
      assigned: load.assigned,
      remaining: load.remaining,
      groups: groupSize === null ? null : (groupsOf.get(load.mentorId)?.size ?? 0),
    })),
    matchedCount: result.matchedCount,
    totalScore: result.totalScore,
    blockingPairs: result.blockingPairs,
    warmStart: result.warmStart ? storeWarmStart(result.warmStart) : null,
    warmStarted: result.warmStarted,
  };
}

/** The engine's refusals of a round, in the coordinator's words; null for anything else. */
export function refusalOf(error: unknown): RoundRefusal | null {
  if (!(error instanceof MatchingInputError)) return null;
  if (error.code === 'round-too-large') {
    const size = error.roundSize;
    const what = size ? `${size.mentees} mentees with ${size.candidatePairs} possible pairs` : error.message;
    return new RoundRefusal(
      'round_too_large',
      `This round is too large for one exact solve: ${what}, ` +
        `where the matching engine takes at most ${MAX_ROUND_MENTEES} mentees and ${MAX_ROUND_CANDIDATE_PAIRS} pairs. ` +
        'Split the cohort into smaller cohorts (for example by department, site or time zone) and run a round for each.',
    );
  }
  if (error.code === 'invalid-fixed-pair')
    return new RoundRefusal(
      'round_fixed_pairs_invalid',
      `The fixed pairs cannot all be kept (${error.message}): release a fixed pair or give the mentor more places.`,
    );
  return null;
}

const byId = (pair: UserPair): PairById => ({ menteeId: pair.menteeUserId, mentorId: pair.mentorUserId });

/** The stored warm start as the engine takes it (the engine checks that it is for the same people). */
function loadWarmStart(stored: StoredWarmStart | null): RoundWarmStart | null {
  if (!stored) return null;
  return {
    menteeIds: stored.menteeUserIds,
    mentorIds: stored.mentorUserIds,
    solve: {
      objective: stored.objective,
      menteeCount: stored.menteeUserIds.length,
      mentorCount: stored.mentorUserIds.length,
      prices: new Float64Array(bytesOf(stored.prices)),
      mentorOf: new Int32Array(bytesOf(stored.mentorOf)),
    },
  };
}

function storeWarmStart(warm: RoundWarmStart): StoredWarmStart {
  const base64 = (array: Float64Array | Int32Array) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return {
    objective: warm.solve.objective,
    menteeUserIds: [...warm.menteeIds],
    mentorUserIds: [...warm.mentorIds],
    prices: base64(warm.solve.prices),
    mentorOf: base64(warm.solve.mentorOf),
  };
}

/** A fresh, aligned copy of the stored bytes (a Buffer's may start at any offset). */
function bytesOf(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** The reporting-line rule compares people by address: profiles name managers by address. */
const identityOf = (row: ParticipantProfileRow): EngineIdentity => ({
  id: row.userId,
  personId: row.email.toLowerCase(),
  managerId: row.managerEmail?.toLowerCase() ?? null,
});

/** The engine's profiles of a round's people (the benchmark feeds them to the engine alone). */
export function engineProfilesOf(problem: Pick<RoundProblem, 'mentees' | 'mentors'>): {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
} {
  return { mentees: problem.mentees.map(toMentee), mentors: problem.mentors.map(toMentor) };
}

const toMentee = (row: ParticipantProfileRow): MenteeProfile => engineMenteeOf(row, identityOf(row));

const toMentor = (row: RoundMentor): MentorProfile => engineMentorOf(row, identityOf(row), row.freeSeats);
