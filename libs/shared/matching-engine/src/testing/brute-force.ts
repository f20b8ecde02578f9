import type { AssignmentOptions, CandidateGraph } from '../assign/candidate-graph';

/**
 * Tries every assignment of a tiny round (each mentee: unmatched or one of its candidates) and returns
 * the best total points, and the most pairs with the best points among them.
 */
export function bruteForceBest(
  graph: CandidateGraph,
  options: AssignmentOptions = {},
): { bestPoints: number; bestMatchedThenPoints: [matched: number, points: number] } {
  const forbidden = new Set((options.forbidden ?? []).map(([i, j]) => `${i}:${j}`));
  const fixed = new Map((options.fixed ?? []).map(([i, j]) => [i, j]));
  const choices: { mentor: number; points: number }[][] = [];
  for (let i = 0; i < graph.menteeCount; i++) choices.push([]);
  for (let e = 0; e < graph.edgeMentee.length; e++) {
    const i = graph.edgeMentee[e];
    const j = graph.edgeMentor[e];
    if (forbidden.has(`${i}:${j}`)) continue;
    if (fixed.has(i) && fixed.get(i) !== j) continue;
    choices[i].push({ mentor: j, points: graph.edgePoints[e] });
  }
  const load = new Int32Array(graph.mentorCount);
  for (const j of fixed.values()) load[j]++; // fixed seats are taken before anyone else chooses
  let bestPoints = -1;
  let best: [number, number] = [-1, -1];
  const visit = (i: number, points: number, matched: number): void => {
    if (i === graph.menteeCount) {
      bestPoints = Math.max(bestPoints, points);
      if (matched > best[0] || (matched === best[0] && points > best[1])) best = [matched, points];
      return;
    }
    const f = fixed.get(i);
    if (f !== undefined) {
      const c = choices[i].find((x) => x.mentor === f);
      visit(i + 1, points + (c ? c.points : 0), matched + 1);
      return;
    }
    visit(i + 1, points, matched);
    for (const c of choices[i]) {
      if (load[c.mentor] >= graph.capacity[c.mentor]) continue;
      load[c.mentor]++;
      visit(i + 1, points + c.points, matched + 1);
      load[c.mentor]--;
    }
  };
  visit(0, 0, 0);
  return { bestPoints, bestMatchedThenPoints: best };
}
