import { MatchingInputError } from '../matching-input.error';

/**
 * A bulk round reduced to numbers: mentees 0..M-1, mentors 0..N-1, and the candidate pairs (edges)
 * that passed the program's rules, each with its integer points (score x 100, 0..10000).
 */
export interface CandidateGraph {
  menteeCount: number;
  mentorCount: number;
  /** Remaining capacity per mentor. */
  capacity: ArrayLike<number>;
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  edgePoints: Int32Array;
}

/** A pair's points are its score x 100: 0..MAX_POINTS. */
export const MAX_POINTS = 10000;

/**
 * The largest round one exact solve accepts. Mentees: every total weight stays an exact float64
 * integer (see pair-weights.ts). Candidate pairs: the solver keeps about 40 bytes per pair, so this
 * stays far below 2 GiB with the input included.
 */
export const MAX_ROUND_MENTEES = 500_000;
export const MAX_ROUND_CANDIDATE_PAIRS = 20_000_000;

/** [mentee, mentor] positions in a `CandidateGraph`. */
export type PairRef = readonly [mentee: number, mentor: number];

export type AssignmentObjective = 'max-score' | 'max-matched-then-score';

export interface AssignmentOptions {
  /** Default 'max-score'. */
  objective?: AssignmentObjective;
  /** Pairs a coordinator has decided; kept whatever the objective says, and counted against capacity. */
  fixed?: readonly PairRef[];
  /** Pairs that must not be proposed. */
  forbidden?: readonly PairRef[];
}

/** Result of any assignment algorithm over a `CandidateGraph`. */
export interface Assignment {
  /** Mentor position per mentee, -1 when unmatched. */
  mentorOf: Int32Array;
  /** Sum of points over all assigned pairs (fixed ones included). */
  totalPoints: number;
  matchedCount: number;
}

/**
 * The free part of a round after fixed pairs are placed and forbidden pairs dropped:
 * candidate edges grouped per mentee (CSR), in input order, which keeps every algorithm deterministic.
 * Built and validated once by `prepareRound`; the solvers (`solveOptimal`, `solveStable`) only read it,
 * so one preparation can serve several of them.
 */
export interface PreparedRound {
  graph: CandidateGraph;
  /** Mentor per mentee from fixed pairs, -1 elsewhere. */
  fixedMentorOf: Int32Array;
  fixedPoints: number;
  /** Capacity left per mentor after fixed pairs. */
  freeCapacity: Int32Array;
  /** Edges of mentee i are start[i]..start[i+1]-1; fixed mentees have none. */
  start: Int32Array;
  mentor: Int32Array;
  points: Int32Array;
}

const pairKey = (mentee: number, mentor: number, mentorCount: number): number =>
  mentee * mentorCount + mentor;

export function prepareRound(graph: CandidateGraph, options: AssignmentOptions = {}): PreparedRound {
  const { menteeCount: m, mentorCount: n, edgeMentee, edgeMentor, edgePoints } = graph;
  const fail = (code: 'invalid-graph' | 'invalid-fixed-pair' | 'round-too-large', message: string): never => {
    throw new MatchingInputError(
      code,
      message,
      code === 'round-too-large' ? { mentees: m, candidatePairs: edgeMentee.length } : undefined,
    );
  };
  if (edgeMentee.length !== edgeMentor.length || edgeMentee.length !== edgePoints.length) {
    fail('invalid-graph', 'edge arrays differ in length');
  }
  if (m > MAX_ROUND_MENTEES || edgeMentee.length > MAX_ROUND_CANDIDATE_PAIRS) {
    fail(
      'round-too-large',
      `a round of ${m} mentees and ${edgeMentee.length} candidate pairs is too large for one exact solve ` +
        `(at most ${MAX_ROUND_MENTEES} mentees and ${MAX_ROUND_CANDIDATE_PAIRS} pairs): split it, e.g. by cohort`,
    );
  }
  if (graph.capacity.length !== n) fail('invalid-graph', 'capacity needs one entry per mentor');
  const inRange = ([i, j]: PairRef): boolean =>
    Number.isInteger(i) && Number.isInteger(j) && i >= 0 && i < m && j >= 0 && j < n;

  const forbidden = new Set<number>();
  for (const pair of options.forbidden ?? []) {
    if (!inRange(pair)) fail('invalid-graph', `forbidden pair ${pair.join(',')} is out of range`);
    forbidden.add(pairKey(pair[0], pair[1], n));
  }
  const freeCapacity = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const cap = graph.capacity[j];
    if (!Number.isInteger(cap) || cap < 0)
      fail('invalid-graph', `capacity of mentor ${j} must be an integer >= 0`);
    freeCapacity[j] = cap;
  }
  const fixedMentorOf = new Int32Array(m).fill(-1);
  for (const pair of options.fixed ?? []) {
    const [i, j] = pair;
    if (!inRange(pair)) fail('invalid-fixed-pair', `fixed pair ${pair.join(',')} is out of range`);
    if (fixedMentorOf[i] !== -1) fail('invalid-fixed-pair', `mentee ${i} is fixed twice`);
    if (forbidden.has(pairKey(i, j, n)))
      fail('invalid-fixed-pair', `pair ${i},${j} is both fixed and forbidden`);
    if (freeCapacity[j] === 0) fail('invalid-fixed-pair', `fixed pairs exceed the capacity of mentor ${j}`);
    fixedMentorOf[i] = j;
    freeCapacity[j]--;
  }

  // Counting sort of the edges by mentee, keeping input order within a mentee.
  const start = new Int32Array(m + 1);
  const seen = new Int32Array(n).fill(-1);
  const keep = new Uint8Array(edgeMentee.length);
  let fixedPoints = 0;
  const fixedHasEdge = new Uint8Array(m);
  let grouped = true; // edges already in mentee order (what runMatchingRound and most callers build)
  for (let e = 0; e < edgeMentee.length; e++) {
    const i = edgeMentee[e];
    const j = edgeMentor[e];
    const p = edgePoints[e];
    if (e > 0 && i < edgeMentee[e - 1]) grouped = false;
    // While edges come grouped, a mentee's edges are contiguous and duplicates show up right here.
    if (grouped) {
      if (seen[j] === i) fail('invalid-graph', `pair ${i},${j} appears twice`);
      seen[j] = i;
    }
    if (!(i >= 0 && i < m && j >= 0 && j < n)) fail('invalid-graph', `edge ${e} is out of range`);
    // Int32Array entries are integers already; only the range needs checking.
    if (!(p >= 0 && p <= MAX_POINTS)) fail('invalid-graph', `edge ${e} points must be 0..${MAX_POINTS}`);
    if (fixedMentorOf[i] !== -1) {
      if (fixedMentorOf[i] === j && !fixedHasEdge[i]) {
        fixedHasEdge[i] = 1;
        fixedPoints += p;
      }
      continue;
    }
    if (forbidden.size > 0 && forbidden.has(pairKey(i, j, n))) continue;
    keep[e] = 1;
    start[i + 1]++;
  }
  for (let i = 0; i < m; i++) start[i + 1] += start[i];
  let mentor = edgeMentor;
  let points = edgePoints;
  // Every edge kept and already grouped: the input arrays are the CSR (they are only read).
  if (!grouped || start[m] !== edgeMentee.length) {
    const fill = start.slice(0, m);
    mentor = new Int32Array(start[m]);
    points = new Int32Array(start[m]);
    for (let e = 0; e < edgeMentee.length; e++) {
      if (!keep[e]) continue;
      const i = edgeMentee[e];
      mentor[fill[i]] = edgeMentor[e];
      points[fill[i]++] = edgePoints[e];
    }
  }
  // Duplicates would make "the" score of a pair ambiguous (checked above when the input was grouped).
  if (!grouped) seen.fill(-1);
  for (let i = 0; i < m && !grouped; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) {
      if (seen[mentor[e]] === i) fail('invalid-graph', `pair ${i},${mentor[e]} appears twice`);
      seen[mentor[e]] = i;
    }
  }
  return { graph, fixedMentorOf, fixedPoints, freeCapacity, start, mentor, points };
}

/** Sums up an assignment of the free mentees on top of the fixed pairs. */
export function finishAssignment(round: PreparedRound, freeEdgeOf: Int32Array): Assignment {
  const mentorOf = round.fixedMentorOf.slice();
  let totalPoints = round.fixedPoints;
  let matchedCount = 0;
  for (let i = 0; i < mentorOf.length; i++) {
    const e = freeEdgeOf[i];
    if (e >= 0) {
      mentorOf[i] = round.mentor[e];
      totalPoints += round.points[e];
    }
    if (mentorOf[i] !== -1) matchedCount++;
  }
  return { mentorOf, totalPoints, matchedCount };
}
