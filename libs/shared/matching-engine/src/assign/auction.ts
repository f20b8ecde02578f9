import {
  finishAssignment,
  prepareRound,
  type Assignment,
  type AssignmentObjective,
  type AssignmentOptions,
  type CandidateGraph,
  type PreparedRound,
} from './candidate-graph';
import { MatchingInputError } from '../matching-input.error';

/**
 * Exact bulk assignment by ε-scaling auction (Bertsekas), forward bids plus a final reverse pass.
 *
 * Each mentor has `capacity` slots, each with its own price; a mentee's value for a slot is the pair's
 * weight minus the slot's price, and staying unmatched is always worth 0. Unmatched mentees bid for
 * the cheapest slot of their best mentor, raising its price to where their second-best option would be
 * as good, plus ε. The phases shrink ε; the last one uses ε = 1 and then lowers the price of every
 * slot left empty with a positive price (reverse bids), so that the final state satisfies
 * ε-complementary slackness with empty slots priced 0. The duality gap is then at most M·ε = M.
 * Weights are integers multiplied by M + 1, so a gap below M + 1 means the total weight is optimal:
 * the result is exact, not approximate. All values stay integers below 2^53, so float64 is exact.
 *
 * Objectives become integer weights (before the M + 1 scaling):
 * - max-score: points x (M+1) + 1, i.e. the highest total score, then as many pairs as possible;
 * - max-matched-then-score: points + (maxPoints x M + 1), i.e. as many pairs as possible, then score.
 */
export function assignOptimal(graph: CandidateGraph, options: AssignmentOptions = {}): Assignment {
  return solveOptimal(prepareRound(graph, options), options.objective);
}

/** The auction on an already prepared round (which it only reads); see `assignOptimal`. */
export function solveOptimal(round: PreparedRound, objective: AssignmentObjective = 'max-score'): Assignment {
  const { start, mentor, points, freeCapacity } = round;
  const m = round.graph.menteeCount;
  const n = round.graph.mentorCount;
  const edgeCount = mentor.length;

  let maxPoints = 0;
  for (let e = 0; e < edgeCount; e++) if (points[e] > maxPoints) maxPoints = points[e];
  const matchedFirst = objective === 'max-matched-then-score';
  const scale = m + 1;
  const weight = new Float64Array(edgeCount);
  let maxWeight = 0;
  for (let e = 0; e < edgeCount; e++) {
    weight[e] = (matchedFirst ? points[e] + (maxPoints * m + 1) : points[e] * (m + 1) + 1) * scale;
    if (weight[e] > maxWeight) maxWeight = weight[e];
  }
  // Prices stay below twice the largest weight; beyond 2^52 float64 would no longer be exact.
  if (maxWeight > 2 ** 51) {
    throw new MatchingInputError('invalid-graph', `${m} free mentees is too many for one exact round`);
  }

  const slotStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) slotStart[j + 1] = slotStart[j] + freeCapacity[j];
  const slotCount = slotStart[n];
  const slotPrice = new Float64Array(slotCount);
  const slotHolder = new Int32Array(slotCount);
  const slotMentor = new Int32Array(slotCount);
  for (let j = 0; j < n; j++) slotMentor.fill(j, slotStart[j], slotStart[j + 1]);
  // Per mentor: its cheapest slot and the price of the second cheapest (Infinity with one slot).
  const cheapest = new Int32Array(n).fill(-1);
  const secondPrice = new Float64Array(n);
  const refreshMentor = (j: number): void => {
    let best = -1;
    let second = Infinity;
    for (let s = slotStart[j]; s < slotStart[j + 1]; s++) {
      if (best === -1 || slotPrice[s] < slotPrice[best]) {
        if (best !== -1) second = slotPrice[best];
        best = s;
      } else if (slotPrice[s] < second) second = slotPrice[s];
    }
    cheapest[j] = best;
    secondPrice[j] = second;
  };
  for (let j = 0; j < n; j++) refreshMentor(j);

  // Mentee state: the edge it holds a slot by (-1 none) and that slot.
  const heldEdge = new Int32Array(m);
  const heldSlot = new Int32Array(m);
  const queue = new Int32Array(Math.max(m, slotCount) + 1);
  const capacityOfQueue = queue.length;

  // ε shrinks 16-fold per phase down to 1; on bench rounds 16 beat 8, 32 and 64, and keeping
  // the previous phase's pairs (instead of restarting from prices only) was slower.
  const phases: number[] = [];
  for (let eps = Math.floor(maxWeight / 16); eps > 1; eps = Math.floor(eps / 16)) phases.push(eps);
  phases.push(1);

  const reverse = reversePass(
    m,
    n,
    start,
    mentor,
    weight,
    slotStart,
    slotPrice,
    slotHolder,
    slotMentor,
    heldEdge,
    heldSlot,
  );
  for (const epsilon of phases) {
    for (let j = 0; j < n; j++) refreshMentor(j);
    heldEdge.fill(-1);
    heldSlot.fill(-1);
    slotHolder.fill(-1);
    let head = 0;
    let tail = 0;
    let size = 0;
    for (let i = 0; i < m; i++) {
      if (start[i + 1] > start[i]) {
        queue[tail++] = i;
        size++;
      }
    }
    tail %= capacityOfQueue;
    while (size > 0) {
      const i = queue[head];
      head = head + 1 === capacityOfQueue ? 0 : head + 1;
      size--;
      let best = 0; // staying unmatched is worth 0
      let second = 0;
      let bestEdge = -1;
      for (let e = start[i], end = start[i + 1]; e < end; e++) {
        const j = mentor[e];
        const s = cheapest[j];
        if (s === -1) continue;
        const value = weight[e] - slotPrice[s];
        if (value > best) {
          const sameMentor = weight[e] - secondPrice[j];
          second = best > sameMentor ? best : sameMentor;
          best = value;
          bestEdge = e;
        } else if (value > second) second = value;
      }
      if (bestEdge === -1) continue; // unmatched is (weakly) best
      const j = mentor[bestEdge];
      const s = cheapest[j];
      const evicted = slotHolder[s];
      slotPrice[s] = weight[bestEdge] - second + epsilon;
      slotHolder[s] = i;
      heldEdge[i] = bestEdge;
      heldSlot[i] = s;
      refreshMentor(j);
      if (evicted !== -1) {
        heldEdge[evicted] = -1;
        heldSlot[evicted] = -1;
        queue[tail] = evicted;
        tail = tail + 1 === capacityOfQueue ? 0 : tail + 1;
        size++;
      }
    }
    // Empty seats only have to be priced 0 at the very end; lowering them in every phase measured
    // twice as slow, since the next phase re-prices them anyway.
    if (epsilon === 1) reverse(epsilon);
  }
  return finishAssignment(round, heldEdge);
}

/**
 * Reverse bids, run after the forward bids of each phase: an empty slot with a positive price violates
 * complementary slackness (an unused seat must be free), so its mentor lowers the price until the slot
 * attracts the mentee that gains most from it (who leaves its old slot, which may need the same) or
 * reaches 0. The mentor's other slots are lowered to the same price: their holders gain, and a mentee
 * never has to move between two slots of one mentor. Every step keeps ε-CS.
 */
function reversePass(
  m: number,
  n: number,
  start: Int32Array,
  mentor: Int32Array,
  weight: Float64Array,
  slotStart: Int32Array,
  slotPrice: Float64Array,
  slotHolder: Int32Array,
  slotMentor: Int32Array,
  heldEdge: Int32Array,
  heldSlot: Int32Array,
): (epsilon: number) => void {
  // Mentor -> its candidate edges, to find the mentees a slot can attract.
  const byMentorStart = new Int32Array(n + 1);
  for (let e = 0; e < mentor.length; e++) byMentorStart[mentor[e] + 1]++;
  for (let j = 0; j < n; j++) byMentorStart[j + 1] += byMentorStart[j];
  const fill = byMentorStart.slice(0, n);
  const byMentorEdge = new Int32Array(mentor.length);
  const edgeMentee = new Int32Array(mentor.length);
  for (let i = 0; i < m; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) {
      edgeMentee[e] = i;
      byMentorEdge[fill[mentor[e]]++] = e;
    }
  }
  const stack = new Int32Array(slotPrice.length + 1);
  const onStack = new Uint8Array(slotPrice.length);
  const profit = (i: number): number =>
    heldEdge[i] === -1 ? 0 : weight[heldEdge[i]] - slotPrice[heldSlot[i]];

  return (epsilon: number): void => {
    let top = 0;
    for (let s = slotPrice.length - 1; s >= 0; s--) {
      if (slotHolder[s] === -1 && slotPrice[s] > 0) {
        stack[top++] = s;
        onStack[s] = 1;
      }
    }
    while (top > 0) {
      const s = stack[--top];
      onStack[s] = 0;
      if (slotHolder[s] !== -1 || slotPrice[s] === 0) continue;
      const j = slotMentor[s];
      let best = -Infinity;
      let second = -Infinity;
      let bestEdge = -1;
      for (let k = byMentorStart[j]; k < byMentorStart[j + 1]; k++) {
        const e = byMentorEdge[k];
        const i = edgeMentee[e];
        if (heldEdge[i] !== -1 && mentor[heldEdge[i]] === j) continue; // already with this mentor
        const value = weight[e] - profit(i);
        if (value > best) {
          second = best;
          best = value;
          bestEdge = e;
        } else if (value > second) second = value;
      }
      const price = bestEdge === -1 || best < epsilon ? 0 : Math.max(0, second - epsilon);
      for (let t = slotStart[j]; t < slotStart[j + 1]; t++) if (slotPrice[t] > price) slotPrice[t] = price;
      if (price === 0 && (bestEdge === -1 || best < epsilon)) continue;
      const i = edgeMentee[bestEdge];
      const oldSlot = heldSlot[i];
      slotHolder[s] = i;
      heldEdge[i] = bestEdge;
      heldSlot[i] = s;
      if (oldSlot !== -1) {
        slotHolder[oldSlot] = -1;
        if (slotPrice[oldSlot] > 0 && !onStack[oldSlot]) {
          stack[top++] = oldSlot;
          onStack[oldSlot] = 1;
        }
      }
    }
  };
}
