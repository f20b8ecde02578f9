/**
 * A bulk round from stored profiles to proposals, on the matching engine's public API. Unlike the
 * engine's one-call `runMatchingRound`, it reports progress per phase, yields to the event loop
 * (so progress is written and a shutdown can abort it), and re-solves warm from what the previous
 * exact solve of the same people left (`WarmStart`, stored by id so any worker can use it).
 */
import type { RoundMode, RoundObjective, UnmatchedReasonCode } from '@mentorship/contracts';
import {
  assignOptimalAsync,
  assignStable,
  countBlockingPairs,
  MatchingInputError,
  MAX_ROUND_CANDIDATE_PAIRS,
  MAX_ROUND_MENTEES,
  MentorIndex,
  scorePair,
  type Assignment,
  type CandidateGraph,
  type MenteeProfile,
  type MentorProfile,
  type PairRef,
  type ProgramCriteria,
  type WarmStart,
} from '@mentorship/matching-engine';
import type {
  MentorLoadRecord,
  StoredWarmStart,
  UnmatchedMenteeRecord,
  UserPair,
} from './entities/matching-round.entity';
import type { ProposalComponent } from './entities/round-proposal.entity';
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

/** Unknown seniority counts as the middle of the scale (1..6), so it neither wins nor loses. */
const UNKNOWN_SENIORITY = 3;

/** Mentees scored between two progress reports (and two yields to the event loop). */
const SCORING_SLICE = 64;

export async function solveRound(
  problem: RoundProblem,
  control: { onProgress?: RoundSolveProgress; signal?: AbortSignal } = {},
): Promise<RoundSolution> {
  const { criteria } = problem;
  const mentees = [...problem.mentees].sort((a, b) => compare(a.userId, b.userId)).map(toMentee);
  const mentorRows = new Map(problem.mentors.map((m) => [m.userId, m]));
  const index = new MentorIndex(problem.mentors.map(toMentor), criteria);
  const menteeAt = new Map(mentees.map((m, i) => [m.id, i]));
  const mentorAt = new Map(index.mentors.map((m, j) => [m.id, j]));
  // Decisions about people who left the cohort (or were matched meanwhile) no longer apply.
  const positions = (pairs: readonly UserPair[]): PairRef[] =>
    pairs.flatMap((p) => {
      const i = menteeAt.get(p.menteeUserId);
      const j = mentorAt.get(p.mentorUserId);
      return i === undefined || j === undefined ? [] : [[i, j] as const];
    });
  const fixed = positions(problem.fixedPairs);
  const forbidden = positions(problem.forbiddenPairs);

  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgePoints: number[] = [];
  const candidateCount = new Int32Array(mentees.length);
  const isCandidate = new Set<number>();
  const n = index.mentors.length;
  for (let i = 0; i < mentees.length; i++) {
    const before = edgeMentee.length;
    for (const { mentor, points } of index.candidates(mentees[i], { includeFull: true })) {
      edgeMentee.push(i);
      edgeMentor.push(mentor);
      edgePoints.push(points);
      isCandidate.add(i * n + mentor);
    }
    candidateCount[i] = edgeMentee.length - before;
    if ((i + 1) % SCORING_SLICE === 0) {
      control.onProgress?.('scoring', (i + 1) / mentees.length);
      await yieldToEventLoop(control.signal);
    }
  }
  // A coordinator may fix a pair the rules refuse: it gets an edge so its score counts.
  for (const [i, j] of fixed) {
    if (isCandidate.has(i * n + j)) continue;
    edgeMentee.push(i);
    edgeMentor.push(j);
    edgePoints.push(scorePair(mentees[i], index.mentors[j], criteria).points);
  }
  control.onProgress?.('scoring', 1);

  const graph: CandidateGraph = {
    menteeCount: mentees.length,
    mentorCount: n,
    capacity: index.mentors.map((m) => m.capacity),
    edgeMentee: Int32Array.from(edgeMentee),
    edgeMentor: Int32Array.from(edgeMentor),
    edgePoints: Int32Array.from(edgePoints),
  };
  const menteeIds = mentees.map((m) => m.id);
  const mentorIds = index.mentors.map((m) => m.id);
  const warm = problem.mode === 'exact' ? usableWarmStart(problem, menteeIds, mentorIds) : null;
  let assignment: Assignment;
  let next: StoredWarmStart | null = null;
  try {
    if (problem.mode === 'stable') {
      assignment = assignStable(graph, { fixed, forbidden });
    } else {
      const solved = await assignOptimalAsync(graph, {
        objective: problem.objective,
        fixed,
        forbidden,
        warmStart: warm ?? undefined,
        signal: control.signal,
        onProgress: (p) => control.onProgress?.('solving', p.fraction),
      });
      assignment = solved;
      next = storeWarmStart(solved.warmStart, problem.objective, menteeIds, mentorIds);
    }
  } catch (error) {
    throw refusalOf(error, graph) ?? error;
  }
  control.onProgress?.('solving', 1);
  const blockingPairs = countBlockingPairs(graph, assignment.mentorOf, { fixed, forbidden });

  const fixedMentee = new Set(fixed.map(([i]) => i));
  const forbiddenCount = new Int32Array(mentees.length);
  for (const [i, j] of forbidden) if (isCandidate.has(i * n + j)) forbiddenCount[i]++;
  const groupSize = criteria.kind === 'group' ? (criteria.groupSize ?? null) : null;
  const assigned = new Int32Array(n);
  const proposals: SolvedProposal[] = [];
  const unmatched: UnmatchedMenteeRecord[] = [];
  let totalPoints = 0;
  mentees.forEach((mentee, i) => {
    const j = assignment.mentorOf[i];
    if (j === -1) {
      const reason: UnmatchedReasonCode =
        candidateCount[i] === 0
          ? 'no-eligible-mentor'
          : forbiddenCount[i] === candidateCount[i]
            ? 'all-candidates-forbidden'
            : 'all-candidates-full';
      unmatched.push({
        menteeUserId: mentee.id,
        reason,
        message: UNMATCHED_WORDS[reason],
        candidateCount: candidateCount[i],
      });
      return;
    }
    const mentor = index.mentors[j];
    const explained = scorePair(mentee, mentor, criteria);
    totalPoints += explained.points;
    const row = mentorRows.get(mentor.id);
    // Seats the mentor fills elsewhere come first, so a group number counts the mentor's groups.
    const taken = row ? Math.max(0, row.places - row.freeSeats) : 0;
    proposals.push({
      menteeUserId: mentee.id,
      mentorUserId: mentor.id,
      score: explained.score,
      fixed: fixedMentee.has(i),
      groupNumber: groupSize === null ? null : Math.floor((taken + assigned[j]) / groupSize) + 1,
      components: explained.components,
    });
    assigned[j]++;
  });
  const groupsOf = new Map<string, Set<number | null>>();
  for (const p of proposals)
    groupsOf.set(p.mentorUserId, (groupsOf.get(p.mentorUserId) ?? new Set()).add(p.groupNumber));
  const mentorLoad = index.mentors.map((m, j): MentorLoadRecord => ({
    mentorUserId: m.id,
    places: m.capacity,
    assigned: assigned[j],
    remaining: m.capacity - assigned[j],
    groups: groupSize === null ? null : (groupsOf.get(m.id)?.size ?? 0),
  }));
  return {
    proposals,
    unmatched,
    mentorLoad,
    matchedCount: assignment.matchedCount,
    totalScore: totalPoints / 100,
    blockingPairs,
    warmStart: next,
    warmStarted: warm !== null,
  };
}

/** The engine's refusals of a round, in the coordinator's words; null for anything else. */
export function refusalOf(
  error: unknown,
  graph: Pick<CandidateGraph, 'menteeCount' | 'edgeMentee'>,
): RoundRefusal | null {
  if (!(error instanceof MatchingInputError)) return null;
  if (error.code === 'round-too-large')
    return new RoundRefusal(
      'round_too_large',
      `This round is too large for one exact solve: ${graph.menteeCount} mentees with ${graph.edgeMentee.length} possible pairs, ` +
        `where the matching engine takes at most ${MAX_ROUND_MENTEES} mentees and ${MAX_ROUND_CANDIDATE_PAIRS} pairs. ` +
        'Split the cohort into smaller cohorts (for example by department, site or time zone) and run a round for each.',
    );
  if (error.code === 'invalid-fixed-pair')
    return new RoundRefusal(
      'round_fixed_pairs_invalid',
      `The fixed pairs cannot all be kept (${error.message}): release a fixed pair or give the mentor more places.`,
    );
  return null;
}

function usableWarmStart(problem: RoundProblem, menteeIds: string[], mentorIds: string[]): WarmStart | null {
  const stored = problem.warmStart;
  if (!stored || stored.objective !== problem.objective) return null;
  if (!sameIds(stored.menteeUserIds, menteeIds) || !sameIds(stored.mentorUserIds, mentorIds)) return null;
  return {
    objective: stored.objective,
    menteeCount: menteeIds.length,
    mentorCount: mentorIds.length,
    prices: new Float64Array(bytesOf(stored.prices)),
    mentorOf: new Int32Array(bytesOf(stored.mentorOf)),
  };
}

function storeWarmStart(
  warm: WarmStart,
  objective: RoundObjective,
  menteeUserIds: string[],
  mentorUserIds: string[],
): StoredWarmStart {
  const base64 = (array: Float64Array | Int32Array) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return {
    objective,
    menteeUserIds,
    mentorUserIds,
    prices: base64(warm.prices),
    mentorOf: base64(warm.mentorOf),
  };
}

/** A fresh, aligned copy of the stored bytes (a Buffer's may start at any offset). */
function bytesOf(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, k) => id === b[k]);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

function participant(row: ParticipantProfileRow) {
  return {
    id: row.userId,
    // The reporting-line rule compares people by address: profiles name managers by address.
    personId: row.email.toLowerCase(),
    managerId: row.managerEmail?.toLowerCase() ?? null,
    department: row.department,
    seniority: row.seniority ?? UNKNOWN_SENIORITY,
    languages: row.languages,
    timeZone: row.timeZone ?? 'UTC',
    availability: row.availability,
    topics: row.topics,
  };
}

/** The engine's profiles of a round's people (the benchmark feeds them to the engine alone). */
export function engineProfilesOf(problem: Pick<RoundProblem, 'mentees' | 'mentors'>): {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
} {
  return { mentees: problem.mentees.map(toMentee), mentors: problem.mentors.map(toMentor) };
}

function toMentee(row: ParticipantProfileRow): MenteeProfile {
  return {
    ...participant(row),
    goals: row.goals,
    // By name, as the mentor index does: the reasons then say which skills, in words.
    wantedSkills: row.skills.map((s) => ({ skill: s.name, targetLevel: s.level })),
    wantedMentorTypes: row.wantedMentorTypes,
  };
}

function toMentor(row: RoundMentor): MentorProfile {
  return {
    ...participant(row),
    offeredSkills: row.skills.map((s) => ({ skill: s.name, level: s.level })),
    offeredMentorTypes: row.offeredMentorTypes,
    capacity: row.freeSeats,
  };
}
