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
 * still accept is the mentee's best possible proposal. A buffer that held every mentor that would
 * accept at its scan needs no second scan: when it runs out, the mentee stays unmatched. Most
 * mentees are kept by their first proposal, so most mentees scan their list once, and that first
 * scan keeps only the two best accepting mentors (cheaper than ranking four); a mentee released
 * twice scans again for the full buffer.
 *
 * The buffer lives in locals during the scan, ranked by the mentee's preference as one number
 * (see the scan). A branch-free scan (every candidate written, the length advanced by the test)
 * was measured and gave nothing: README, "Choices made on evidence".
 *
 * A mentor's preference for (mentee i, p points) is one number, key = p x M + (M - 1 - i): more
 * points first, then the lower position, exact in float64 (p <= 10,000, M <= 500,000). Each full
 * mentor keeps its held mentees in a min-heap by key (least preferred at the root) stored in its
 * block of seats; the root is its bar (its points and mentee, two integers that the scans compare
 * with), and it accepts a mentee it prefers to the bar (every mentee while a seat is free, none
 * without seats). Deferred acceptance ends in the same
 * (mentee-optimal) assignment whatever the order of proposals, so the skipped proposals change
 * nothing but the time; with strict preferences (ties broken by position, see preferences.ts) the
 * result is unique.
 */
export function solveStable(round: PreparedRound): Assignment {
  const { start, mentor, points, freeCapacity } = round;
  const m = round.graph.menteeCount;
  const n = round.graph.mentorCount;
  const heldEdge = new Int32Array(m).fill(-1);
  const seatStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) seatStart[j + 1] = seatStart[j] + freeCapacity[j];
  const seatMentee = new Int32Array(seatStart[n]);
  const seatKey = new Float64Array(seatStart[n]);
  const load = new Int32Array(n);
  // A mentor's bar, the (points, mentee) of its least preferred held mentee: it accepts i with p
  // points when p > barPoints or p equals it and i < barMentee (-1 while a seat is free, never
  // without seats). Two integer compares per candidate; the one-number float key per candidate
  // cost about 5-10 % more (README, "Choices made on evidence").
  const barPoints = new Int32Array(n).fill(-1);
  const barMentee = new Int32Array(n);
  for (let j = 0; j < n; j++) if (freeCapacity[j] === 0) barPoints[j] = 0x7fffffff;
  // Per mentee: its buffered edges (most preferred first), how many, and how many already taken;
  // `complete` once a scan found no more accepting mentors than the buffer holds.
  const buffer = new Int32Array(m * BUFFER);
  const bufferSize = new Int8Array(m);
  const bufferNext = new Int8Array(m);
  const complete = new Uint8Array(m);
  // Whether a mentee has scanned its list yet: the first scan ranks only its two best accepting
  // mentors (most mentees are kept by the first), later scans fill the buffer.
  const scanned = new Uint8Array(m);

  const free = new Int32Array(m);
  let freeCount = 0;
  for (let i = m - 1; i >= 0; i--) if (start[i + 1] > start[i]) free[freeCount++] = i;

  while (freeCount > 0) {
    const i = free[--freeCount];
    const rank = m - 1 - i;
    const base = i * BUFFER;
    // The next buffered mentor that would still accept i.
    let e = -1;
    let k = bufferNext[i];
    while (k < bufferSize[i]) {
      const c = buffer[base + k++];
      const p = points[c];
      const j = mentor[c];
      if (p > barPoints[j] || (p === barPoints[j] && i < barMentee[j])) {
        e = c;
        break;
      }
    }
    if (e === -1) {
      if (complete[i] === 1) continue; // no mentor would take this mentee any more: it stays unmatched
      // One pass for the BUFFER best mentors that would accept i now, kept in locals (best first)
      // by the mentee's preference as one number, p x N + (N - 1 - j). A candidate is compared with
      // the fourth best first: once four are found that turns most candidates away before the
      // mentor's threshold is read.
      if (scanned[i] === 0) {
        // First scan: the two best mentors that would accept i now, by (more points, lower
        // position), integers only; a mentee released twice scans again for the full buffer.
        scanned[i] = 1;
        let p0 = -1;
        let j0 = -1;
        let c0 = -1;
        let p1 = -1;
        let j1 = -1;
        let c1 = -1;
        for (let c = start[i], end = start[i + 1]; c < end; c++) {
          const p = points[c];
          if (p < p1) continue;
          const j = mentor[c];
          if ((p === p1 && j > j1) || p < barPoints[j] || (p === barPoints[j] && i > barMentee[j])) continue;
          if (p > p0 || (p === p0 && j < j0)) {
            p1 = p0;
            j1 = j0;
            c1 = c0;
            p0 = p;
            j0 = j;
            c0 = c;
          } else {
            p1 = p;
            j1 = j;
            c1 = c;
          }
        }
        if (c0 === -1) continue; // no mentor would take this mentee: it stays unmatched
        buffer[base] = c0;
        buffer[base + 1] = c1;
        bufferSize[i] = c1 === -1 ? 1 : 2;
        // Fewer than two found: these were all (as for the full buffer below).
        complete[i] = c1 === -1 ? 1 : 0;
        e = c0;
        k = 1;
      } else {
        let k0 = -1;
        let k1 = -1;
        let k2 = -1;
        let k3 = -1;
        let c0 = -1;
        let c1 = -1;
        let c2 = -1;
        let c3 = -1;
        for (let c = start[i], end = start[i + 1]; c < end; c++) {
          const p = points[c];
          const j = mentor[c];
          const key = p * n + (n - 1 - j);
          if (key < k3 || p < barPoints[j] || (p === barPoints[j] && i > barMentee[j])) continue;
          if (key > k2) {
            k3 = k2;
            c3 = c2;
            if (key > k1) {
              k2 = k1;
              c2 = c1;
              if (key > k0) {
                k1 = k0;
                c1 = c0;
                k0 = key;
                c0 = c;
              } else {
                k1 = key;
                c1 = c;
              }
            } else {
              k2 = key;
              c2 = c;
            }
          } else {
            k3 = key;
            c3 = c;
          }
        }
        const size = c0 === -1 ? 0 : c1 === -1 ? 1 : c2 === -1 ? 2 : c3 === -1 ? 3 : 4;
        buffer[base] = c0;
        buffer[base + 1] = c1;
        buffer[base + 2] = c2;
        buffer[base + 3] = c3;
        bufferSize[i] = size;
        // Fewer than BUFFER found: none was turned away for the buffer's sake, so these were all.
        complete[i] = size < BUFFER ? 1 : 0;
        if (size === 0) continue; // no mentor would take this mentee: it stays unmatched
        e = buffer[base];
        k = 1;
      }
    }
    bufferNext[i] = k;
    heldEdge[i] = e;
    const j = mentor[e];
    const key = points[e] * m + rank;
    const first = seatStart[j];
    const cap = freeCapacity[j];
    if (load[j] < cap) {
      seatMentee[first + load[j]] = i;
      seatKey[first + load[j]] = key;
      if (++load[j] === cap) {
        for (let s = (cap >> 1) - 1; s >= 0; s--) siftDown(seatMentee, seatKey, first, cap, s);
        barMentee[j] = seatMentee[first];
        barPoints[j] = (seatKey[first] - (m - 1 - seatMentee[first])) / m;
      }
    } else {
      const released = seatMentee[first];
      heldEdge[released] = -1;
      free[freeCount++] = released;
      seatMentee[first] = i;
      seatKey[first] = key;
      siftDown(seatMentee, seatKey, first, cap, 0);
      barMentee[j] = seatMentee[first];
      barPoints[j] = (seatKey[first] - (m - 1 - seatMentee[first])) / m;
    }
  }
  return finishAssignment(round, heldEdge);
}

/** Restores the min-heap by key (least preferred held mentee at the root) of seats first..first+size-1. */
function siftDown(
  seatMentee: Int32Array,
  seatKey: Float64Array,
  first: number,
  size: number,
  from: number,
): void {
  const i = seatMentee[first + from];
  const key = seatKey[first + from];
  let s = from;
  for (;;) {
    let child = 2 * s + 1;
    if (child >= size) break;
    if (child + 1 < size && seatKey[first + child + 1] < seatKey[first + child]) child++;
    const childKey = seatKey[first + child];
    if (!(childKey < key)) break;
    seatMentee[first + s] = seatMentee[first + child];
    seatKey[first + s] = childKey;
    s = child;
  }
  seatMentee[first + s] = i;
  seatKey[first + s] = key;
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
