import fc from 'fast-check';
import type { CandidateGraph, PairRef } from '../assign/candidate-graph';

export interface SmallRound {
  graph: CandidateGraph;
  fixed: PairRef[];
  forbidden: PairRef[];
}

/**
 * Small random rounds: up to `maxMentees` x `maxMentors`, sparse or dense candidate sets, capacities
 * 0..3, points drawn from a few values (ties on purpose) or the full range; plus valid fixed pairs
 * (within capacity) and forbidden pairs.
 */
export function smallRound(
  maxMentees: number,
  maxMentors: number,
  withConstraints: boolean,
): fc.Arbitrary<SmallRound> {
  return fc
    .record({
      m: fc.integer({ min: 1, max: maxMentees }),
      n: fc.integer({ min: 1, max: maxMentors }),
      seed: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
      density: fc.double({ min: 0.2, max: 1, noNaN: true }),
      coarse: fc.boolean(),
    })
    .map(({ m, n, seed, density, coarse }) => {
      let k = 0;
      const next = (): number => seed[k++ % seed.length] + k * 7919;
      const capacity = Int32Array.from({ length: n }, () => next() % 4);
      const mentee: number[] = [];
      const mentor: number[] = [];
      const points: number[] = [];
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          if ((next() % 1000) / 1000 >= density) continue;
          mentee.push(i);
          mentor.push(j);
          points.push(coarse ? [0, 2500, 5000, 7500, 10000][next() % 5] : next() % 10001);
        }
      }
      const graph: CandidateGraph = {
        menteeCount: m,
        mentorCount: n,
        capacity,
        edgeMentee: Int32Array.from(mentee),
        edgeMentor: Int32Array.from(mentor),
        edgePoints: Int32Array.from(points),
      };
      const fixed: PairRef[] = [];
      const forbidden: PairRef[] = [];
      if (withConstraints) {
        const left = Int32Array.from(capacity);
        for (let i = 0; i < m; i++) {
          const roll = next() % 6;
          const j = next() % n;
          if (roll === 0 && left[j] > 0) {
            fixed.push([i, j]);
            left[j]--;
          } else if (roll <= 2) {
            forbidden.push([i, j]);
          }
        }
      }
      return { graph, fixed, forbidden };
    });
}
