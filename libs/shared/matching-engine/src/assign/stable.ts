import {
  finishAssignment,
  prepareRound,
  type Assignment,
  type AssignmentOptions,
  type CandidateGraph,
  type PreparedRound,
} from './candidate-graph';
import { menteePrefers, mentorPrefers } from './preferences';

/**
 * Mentee-proposing deferred acceptance (Gale-Shapley) with mentor capacities: the stable assignment
 * that is best for every mentee. A full mentor keeps the mentees it prefers and releases its least
 * preferred one. Validates and prepares the graph (see `prepareRound`), then runs `solveStable`.
 */
export function assignStable(
  graph: CandidateGraph,
  options: Omit<AssignmentOptions, 'objective'> = {},
): Assignment {
  return solveStable(prepareRound(graph, options));
}

/** Candidates a mentee ranks per scan of its list (see `solveStable`). */
const BUFFER = 4;

/**
 * Deferred acceptance on an already prepared round (which it only reads).
 *
 * Once a mentor rejects a mentee it rejects it for the rest of the run (its least preferred held
 * mentee only gets better), so a free mentee never needs the candidates that would reject it now.
 * Nothing is sorted: one pass over a mentee's candidates keeps, in a tiny sorted buffer, its
 * `BUFFER` most preferred mentors among those that would accept it at that moment. Its proposals
 * then take the buffer in order, skipping a mentor that has since become too demanding (one
 * comparison), and it scans again only when the buffer runs out. Mentors outside the buffer rank
 * below every buffered one and acceptance only gets harder, so the first buffered mentor that would
 * still accept is the mentee's best possible proposal. Most mentees are kept by their first proposal,
 * so most mentees scan their list once.
 *
 * Each full mentor keeps its held mentees in a min-heap (least preferred at the root) stored in its
 * block of seats, and its threshold (points and position of the root) makes "would it accept?" an
 * integer comparison. Deferred acceptance ends in the same (mentee-optimal) assignment whatever the
 * order of proposals, so the skipped proposals change nothing but the time; with strict preferences
 * (ties broken by position, see preferences.ts) the result is unique.
 */
export function solveStable(round: PreparedRound): Assignment {
  const { start, mentor, points, freeCapacity } = round;
  const m = round.graph.menteeCount;
  const n = round.graph.mentorCount;
  const heldEdge = new Int32Array(m).fill(-1);
  const seatStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) seatStart[j + 1] = seatStart[j] + freeCapacity[j];
  const seatMentee = new Int32Array(seatStart[n]);
  const seatPoints = new Int32Array(seatStart[n]);
  const load = new Int32Array(n);
  // A mentor takes mentee i with p points iff p > thresholdPoints or (equal and i < thresholdMentee):
  // -1 while it has a free seat, its least preferred held mentee once full, above 10000 without seats.
  const thresholdPoints = new Int32Array(n).fill(-1);
  const thresholdMentee = new Int32Array(n);
  for (let j = 0; j < n; j++) if (freeCapacity[j] === 0) thresholdPoints[j] = 10001;
  // Per mentee: its buffered edges (most preferred first), how many, and how many already taken.
  const buffer = new Int32Array(m * BUFFER);
  const bufferSize = new Int8Array(m);
  const bufferNext = new Int8Array(m);
  const bufP = new Int32Array(BUFFER);
  const bufJ = new Int32Array(BUFFER);

  const free = new Int32Array(m);
  let freeCount = 0;
  for (let i = m - 1; i >= 0; i--) if (start[i + 1] > start[i]) free[freeCount++] = i;

  while (freeCount > 0) {
    const i = free[freeCount - 1];
    const base = i * BUFFER;
    // The next buffered mentor that would still accept i.
    let e = -1;
    let k = bufferNext[i];
    while (k < bufferSize[i]) {
      const c = buffer[base + k++];
      const j = mentor[c];
      const p = points[c];
      if (p > thresholdPoints[j] || (p === thresholdPoints[j] && i < thresholdMentee[j])) {
        e = c;
        break;
      }
    }
    if (e === -1) {
      // Buffer used up: one pass for the BUFFER best mentors that would accept i now.
      let size = 0;
      for (let c = start[i], end = start[i + 1]; c < end; c++) {
        const j = mentor[c];
        const p = points[c];
        if (!(p > thresholdPoints[j] || (p === thresholdPoints[j] && i < thresholdMentee[j]))) continue;
        if (size === BUFFER && !(p > bufP[BUFFER - 1] || (p === bufP[BUFFER - 1] && j < bufJ[BUFFER - 1])))
          continue;
        let s = size < BUFFER ? size++ : BUFFER - 1;
        for (; s > 0 && (p > bufP[s - 1] || (p === bufP[s - 1] && j < bufJ[s - 1])); s--) {
          bufP[s] = bufP[s - 1];
          bufJ[s] = bufJ[s - 1];
          buffer[base + s] = buffer[base + s - 1];
        }
        bufP[s] = p;
        bufJ[s] = j;
        buffer[base + s] = c;
      }
      bufferSize[i] = size;
      if (size === 0) {
        freeCount--; // no mentor would take this mentee: it stays unmatched
        continue;
      }
      e = buffer[base];
      k = 1;
    }
    bufferNext[i] = k;
    freeCount--;
    heldEdge[i] = e;
    const j = mentor[e];
    const p = points[e];
    const first = seatStart[j];
    const cap = freeCapacity[j];
    if (load[j] < cap) {
      seatMentee[first + load[j]] = i;
      seatPoints[first + load[j]] = p;
      if (++load[j] === cap) {
        for (let s = (cap >> 1) - 1; s >= 0; s--) siftDown(seatMentee, seatPoints, first, cap, s);
        thresholdPoints[j] = seatPoints[first];
        thresholdMentee[j] = seatMentee[first];
      }
    } else {
      const released = seatMentee[first];
      heldEdge[released] = -1;
      free[freeCount++] = released;
      seatMentee[first] = i;
      seatPoints[first] = p;
      siftDown(seatMentee, seatPoints, first, cap, 0);
      thresholdPoints[j] = seatPoints[first];
      thresholdMentee[j] = seatMentee[first];
    }
  }
  return finishAssignment(round, heldEdge);
}

/** Restores the min-heap (least preferred held mentee at the root) of the seats first..first+size-1. */
function siftDown(
  seatMentee: Int32Array,
  seatPoints: Int32Array,
  first: number,
  size: number,
  from: number,
): void {
  const i = seatMentee[first + from];
  const p = seatPoints[first + from];
  let s = from;
  for (;;) {
    let child = 2 * s + 1;
    if (child >= size) break;
    const right = child + 1;
    // The less preferred child: fewer points, or equal points and the later position.
    if (
      right < size &&
      (seatPoints[first + right] < seatPoints[first + child] ||
        (seatPoints[first + right] === seatPoints[first + child] &&
          seatMentee[first + right] > seatMentee[first + child]))
    )
      child = right;
    const cp = seatPoints[first + child];
    const ci = seatMentee[first + child];
    if (!(cp < p || (cp === p && ci > i))) break;
    seatMentee[first + s] = ci;
    seatPoints[first + s] = cp;
    s = child;
  }
  seatMentee[first + s] = i;
  seatPoints[first + s] = p;
}

/**
 * Counts blocking pairs of any assignment: candidate pairs (mentee, mentor), not forbidden, where the
 * mentee prefers the mentor to its current situation and the mentor has a free seat or prefers the
 * mentee to one it holds. Fixed pairs are outside the market (see preferences.ts).
 */
export function countBlockingPairs(
  graph: CandidateGraph,
  mentorOf: Int32Array,
  options: Omit<AssignmentOptions, 'objective'> = {},
): number {
  return countBlockingPairsPrepared(prepareRound(graph, options), mentorOf);
}

/** `countBlockingPairs` on an already prepared round (which it only reads). */
export function countBlockingPairsPrepared(round: PreparedRound, mentorOf: Int32Array): number {
  const { start, mentor, points, freeCapacity, fixedMentorOf } = round;
  const m = round.graph.menteeCount;
  const n = round.graph.mentorCount;
  // Points of each mentee's current pair (-1 unmatched), and each mentor's load and least preferred mentee.
  const currentPoints = new Int32Array(m).fill(-1);
  const load = new Int32Array(n);
  const worstPoints = new Int32Array(n).fill(-1);
  const worstMentee = new Int32Array(n).fill(-1);
  for (let i = 0; i < m; i++) {
    if (fixedMentorOf[i] !== -1 || mentorOf[i] === -1) continue;
    const j = mentorOf[i];
    for (let e = start[i]; e < start[i + 1]; e++) if (mentor[e] === j) currentPoints[i] = points[e];
    load[j]++;
    if (worstMentee[j] === -1 || mentorPrefers(worstPoints[j], worstMentee[j], currentPoints[i], i)) {
      worstPoints[j] = currentPoints[i];
      worstMentee[j] = i;
    }
  }
  let blocking = 0;
  for (let i = 0; i < m; i++) {
    if (fixedMentorOf[i] !== -1) continue;
    const current = mentorOf[i];
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = mentor[e];
      if (j === current) continue;
      const menteeWants = current === -1 || menteePrefers(points[e], j, currentPoints[i], current);
      if (!menteeWants) continue;
      const mentorWants =
        load[j] < freeCapacity[j] ||
        (load[j] > 0 && mentorPrefers(points[e], i, worstPoints[j], worstMentee[j]));
      if (mentorWants) blocking++;
    }
  }
  return blocking;
}
