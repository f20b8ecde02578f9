import {
  finishAssignment,
  prepareRound,
  type Assignment,
  type AssignmentOptions,
  type CandidateGraph,
} from './candidate-graph';

/**
 * The baseline the benchmark compares against: take pairs from the highest score down while both
 * sides are free. This is how most platforms bulk-match; it is not optimal.
 */
export function assignGreedy(
  graph: CandidateGraph,
  options: Omit<AssignmentOptions, 'objective'> = {},
): Assignment {
  const round = prepareRound(graph, options);
  const { start, mentor, points, freeCapacity } = round;
  const m = graph.menteeCount;
  const owner = new Int32Array(mentor.length);
  for (let i = 0; i < m; i++) owner.fill(i, start[i], start[i + 1]);
  const order = Array.from({ length: mentor.length }, (_, e) => e);
  order.sort((a, b) => points[b] - points[a] || owner[a] - owner[b] || mentor[a] - mentor[b]);
  const heldEdge = new Int32Array(m).fill(-1);
  const load = new Int32Array(graph.mentorCount);
  for (const e of order) {
    const i = owner[e];
    const j = mentor[e];
    if (heldEdge[i] === -1 && load[j] < freeCapacity[j]) {
      heldEdge[i] = e;
      load[j]++;
    }
  }
  return finishAssignment(round, heldEdge);
}
