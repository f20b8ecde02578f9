import {
  finishAssignment,
  prepareRound,
  type Assignment,
  type AssignmentOptions,
  type CandidateGraph,
} from './candidate-graph';
import { menteePrefers, mentorPrefers } from './preferences';

/**
 * Mentee-proposing deferred acceptance (Gale-Shapley) with mentor capacities: the stable assignment
 * that is best for every mentee. A full mentor keeps the mentees it prefers and releases its least
 * preferred one.
 *
 * A mentor that rejects a mentee would reject it for the rest of the run (its least preferred held
 * mentee only gets better), so instead of walking a sorted list, a free mentee proposes straight to
 * its most preferred mentor among those that would accept it now: one scan of its candidates per
 * accepted proposal and no sorting. Deferred acceptance ends in the same (mentee-optimal) assignment
 * whatever the order of proposals, so skipping proposals bound to fail changes nothing but the time.
 */
export function assignStable(
  graph: CandidateGraph,
  options: Omit<AssignmentOptions, 'objective'> = {},
): Assignment {
  const round = prepareRound(graph, options);
  const { start, mentor, points, freeCapacity } = round;
  const m = graph.menteeCount;
  const n = graph.mentorCount;
  const owner = new Int32Array(mentor.length); // mentee of each edge
  for (let i = 0; i < m; i++) owner.fill(i, start[i], start[i + 1]);
  const heldEdge = new Int32Array(m).fill(-1);
  const seatStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) seatStart[j + 1] = seatStart[j] + freeCapacity[j];
  const seat = new Int32Array(seatStart[n]); // edges held by each mentor
  const load = new Int32Array(n);
  // The least preferred held edge of each full mentor, so that "would it accept?" is one comparison.
  const worst = new Int32Array(n).fill(-1);
  const findWorst = (j: number): void => {
    let w = seat[seatStart[j]];
    for (let s = seatStart[j] + 1; s < seatStart[j] + load[j]; s++) {
      if (mentorPrefers(points[w], owner[w], points[seat[s]], owner[seat[s]])) w = seat[s];
    }
    worst[j] = w;
  };
  const free = new Int32Array(m);
  let freeCount = 0;
  for (let i = m - 1; i >= 0; i--) if (start[i + 1] > start[i]) free[freeCount++] = i;

  while (freeCount > 0) {
    const i = free[--freeCount];
    let best = -1;
    for (let e = start[i], end = start[i + 1]; e < end; e++) {
      const j = mentor[e];
      if (load[j] === freeCapacity[j]) {
        const w = worst[j];
        if (w === -1 || !mentorPrefers(points[e], i, points[w], owner[w])) continue;
      }
      if (best === -1 || menteePrefers(points[e], j, points[best], mentor[best])) best = e;
    }
    if (best === -1) continue; // no mentor would take this mentee: it stays unmatched
    const j = mentor[best];
    heldEdge[i] = best;
    if (load[j] < freeCapacity[j]) {
      seat[seatStart[j] + load[j]++] = best;
    } else {
      const released = owner[worst[j]];
      for (let s = seatStart[j]; s < seatStart[j] + load[j]; s++) if (seat[s] === worst[j]) seat[s] = best;
      heldEdge[released] = -1;
      free[freeCount++] = released;
    }
    if (load[j] === freeCapacity[j]) findWorst(j);
  }
  return finishAssignment(round, heldEdge);
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
  const round = prepareRound(graph, options);
  const { start, mentor, points, freeCapacity, fixedMentorOf } = round;
  const m = graph.menteeCount;
  const n = graph.mentorCount;
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
