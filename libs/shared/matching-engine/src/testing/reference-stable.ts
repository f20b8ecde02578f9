import type { AssignmentOptions, CandidateGraph } from '../assign/candidate-graph';
import { menteePrefers, mentorPrefers } from '../assign/preferences';

/**
 * Textbook mentee-proposing deferred acceptance, for tests only: every mentee's list fully sorted up
 * front, one proposal at a time down the list, each mentor holding a plain array of mentees. Slow and
 * obvious on purpose, so the fast `assignStable` can be compared with it pair by pair.
 */
export function referenceStable(
  graph: CandidateGraph,
  options: Omit<AssignmentOptions, 'objective'> = {},
): Int32Array {
  const m = graph.menteeCount;
  const forbidden = new Set((options.forbidden ?? []).map(([i, j]) => `${i}:${j}`));
  const mentorOf = new Int32Array(m).fill(-1);
  const capacity = Array.from(graph.capacity);
  for (const [i, j] of options.fixed ?? []) {
    mentorOf[i] = j;
    capacity[j]--;
  }
  const lists: { mentor: number; points: number }[][] = Array.from({ length: m }, () => []);
  for (let e = 0; e < graph.edgeMentee.length; e++) {
    const i = graph.edgeMentee[e];
    const j = graph.edgeMentor[e];
    if (mentorOf[i] !== -1 || forbidden.has(`${i}:${j}`)) continue;
    lists[i].push({ mentor: j, points: graph.edgePoints[e] });
  }
  for (const list of lists)
    list.sort((a, b) => (menteePrefers(a.points, a.mentor, b.points, b.mentor) ? -1 : 1));
  const held: { mentee: number; points: number }[][] = Array.from({ length: graph.mentorCount }, () => []);
  const next = new Int32Array(m);
  const free: number[] = [];
  for (let i = 0; i < m; i++) if (mentorOf[i] === -1) free.push(i);
  while (free.length > 0) {
    const i = free.pop() as number;
    if (next[i] === lists[i].length) continue; // list exhausted: unmatched
    const { mentor: j, points } = lists[i][next[i]++];
    held[j].push({ mentee: i, points });
    mentorOf[i] = j;
    if (held[j].length > capacity[j]) {
      // Release the least preferred held mentee (possibly i itself).
      held[j].sort((a, b) => (mentorPrefers(a.points, a.mentee, b.points, b.mentee) ? -1 : 1));
      const released = held[j].pop() as { mentee: number };
      mentorOf[released.mentee] = -1;
      free.push(released.mentee);
    }
  }
  return mentorOf;
}
