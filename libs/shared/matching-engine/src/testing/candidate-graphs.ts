import type { CandidateGraph } from '../assign/candidate-graph';
import { randomInt, seededRandom } from './random';

export interface GraphShape {
  mentees: number;
  mentors: number;
  candidatesPerMentee: number;
  seed: number;
  minCapacity?: number;
  maxCapacity?: number;
}

/**
 * A bulk round as a scored candidate graph. Shaped like real programs rather than uniform noise:
 * a tenth of the mentors are popular (a third of all candidate pairs point at them), and a pair's
 * points mix the mentor's overall fit with the pair's own fit. Capacities 1..5 leave fewer places
 * than mentees, so mentees compete for mentors.
 */
export function generateCandidateGraph(shape: GraphShape): CandidateGraph {
  const random = seededRandom(shape.seed);
  const { mentees, mentors, candidatesPerMentee } = shape;
  const capacity = new Int32Array(mentors);
  const quality = new Float64Array(mentors);
  for (let j = 0; j < mentors; j++) {
    capacity[j] = randomInt(random, shape.minCapacity ?? 1, shape.maxCapacity ?? 5);
    quality[j] = random();
  }
  const popular = Math.max(1, Math.floor(mentors / 10));
  const per = Math.min(candidatesPerMentee, mentors);
  const edgeMentee = new Int32Array(mentees * per);
  const edgeMentor = new Int32Array(mentees * per);
  const edgePoints = new Int32Array(mentees * per);
  const stamp = new Int32Array(mentors).fill(-1);
  let e = 0;
  for (let i = 0; i < mentees; i++) {
    for (let c = 0; c < per; c++) {
      let j: number;
      do {
        j = random() < 1 / 3 ? randomInt(random, 0, popular - 1) : randomInt(random, 0, mentors - 1);
      } while (stamp[j] === i);
      stamp[j] = i;
      edgeMentee[e] = i;
      edgeMentor[e] = j;
      edgePoints[e] = Math.round(2000 + 4000 * quality[j] + 4000 * random());
      e++;
    }
  }
  return { menteeCount: mentees, mentorCount: mentors, capacity, edgeMentee, edgeMentor, edgePoints };
}

/** A hand-written round for examples: one `[mentee, mentor, points]` per candidate pair. */
export function candidateGraphOf(
  capacity: number[],
  pairs: [mentee: number, mentor: number, points: number][],
  menteeCount = Math.max(0, ...pairs.map(([mentee]) => mentee + 1)),
): CandidateGraph {
  return {
    menteeCount,
    mentorCount: capacity.length,
    capacity,
    edgeMentee: Int32Array.from(pairs.map(([mentee]) => mentee)),
    edgeMentor: Int32Array.from(pairs.map(([, mentor]) => mentor)),
    edgePoints: Int32Array.from(pairs.map(([, , points]) => points)),
  };
}

/**
 * Two mentees, two single-seat mentors. Greedy gives mentor 0 to mentee 0 (90) and leaves
 * mentee 1 with 10: 100 in all; the optimum is 80 + 85 = 165. Stable matching (mentors
 * rank by the same score) gives mentor 0 to mentee 0.
 */
export const GREEDY_TRAP = candidateGraphOf(
  [1, 1],
  [
    [0, 0, 9000],
    [0, 1, 8000],
    [1, 0, 8500],
    [1, 1, 1000],
  ],
);
