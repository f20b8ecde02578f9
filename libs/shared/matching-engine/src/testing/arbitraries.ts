import fc from 'fast-check';
import type { CandidateGraph, PairRef } from '../assign/candidate-graph';
import { ROUND_FAMILIES, generateFamilyRound, type RoundFamily } from './round-families';

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
      const { fixed, forbidden } = withConstraints
        ? randomConstraints(graph, next)
        : { fixed: [], forbidden: [] };
      return { graph, fixed, forbidden };
    });
}

/**
 * Valid coordinator decisions for a round: about a sixth of the mentees fixed to a random mentor
 * with a seat left, about a third with one forbidden mentor. `next` is any integer source.
 */
export function randomConstraints(
  graph: CandidateGraph,
  next: () => number,
): { fixed: PairRef[]; forbidden: PairRef[] } {
  const left = Int32Array.from(graph.capacity);
  const fixed: PairRef[] = [];
  const forbidden: PairRef[] = [];
  for (let i = 0; i < graph.menteeCount; i++) {
    const roll = next() % 6;
    const j = next() % graph.mentorCount;
    if (roll === 0 && left[j] > 0) {
      fixed.push([i, j]);
      left[j]--;
    } else if (roll <= 2) {
      forbidden.push([i, j]);
    }
  }
  return { fixed, forbidden };
}

export interface FamilyRound extends SmallRound {
  family: RoundFamily;
}

/**
 * A small instance of one of the benchmark's round families (seats below, at and above demand, ties,
 * skew, group-like and single-seat mentors, ...), sparse, with coordinator decisions if asked.
 */
export function familyRound(
  maxMentees: number,
  maxMentors: number,
  withConstraints: boolean,
): fc.Arbitrary<FamilyRound> {
  return fc
    .record({
      family: fc.constantFrom(...ROUND_FAMILIES),
      mentees: fc.integer({ min: 1, max: maxMentees }),
      mentors: fc.integer({ min: 1, max: maxMentors }),
      maxCandidates: fc.integer({ min: 1, max: 8 }),
      seed: fc.nat(),
    })
    .map(({ family, mentees, mentors, maxCandidates, seed }) => {
      const graph = generateFamilyRound(family, { mentees, mentors, maxCandidates }, seed);
      let k = seed;
      const next = (): number => (k = (Math.imul(k, 1103515245) + 12345) >>> 0) >>> 8;
      const { fixed, forbidden } = withConstraints
        ? randomConstraints(graph, next)
        : { fixed: [], forbidden: [] };
      return { family, graph, fixed, forbidden };
    });
}
