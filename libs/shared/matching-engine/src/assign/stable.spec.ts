import fc from 'fast-check';
import { familyRound, smallRound } from '../testing/arbitraries';
import { generateCandidateGraph, GREEDY_TRAP } from '../testing/candidate-graphs';
import { referenceStable } from '../testing/reference-stable';
import { assignOptimal, solveOptimal } from './optimal';
import { prepareRound, type CandidateGraph } from './candidate-graph';
import { assignGreedy } from './greedy';
import { assignStable, countBlockingPairs, countBlockingPairsPrepared, solveStable } from './stable';

/** Blocking pairs straight from the definition, for small rounds. */
function blockingByDefinition(graph: CandidateGraph, mentorOf: Int32Array): number {
  const points = new Map<string, number>();
  for (let e = 0; e < graph.edgeMentee.length; e++)
    points.set(`${graph.edgeMentee[e]}:${graph.edgeMentor[e]}`, graph.edgePoints[e]);
  const better = (a: number, ia: number, b: number, ib: number): boolean => a > b || (a === b && ia < ib);
  let count = 0;
  for (const [key, p] of points) {
    const [i, j] = key.split(':').map(Number);
    const cur = mentorOf[i];
    if (cur === j) continue;
    if (cur !== -1 && !better(p, j, points.get(`${i}:${cur}`) ?? -1, cur)) continue;
    const held = [...mentorOf.keys()].filter((x) => mentorOf[x] === j);
    if (held.length < graph.capacity[j] || held.some((x) => better(p, i, points.get(`${x}:${j}`) ?? -1, x)))
      count++;
  }
  return count;
}

const graph = GREEDY_TRAP;

describe('assignStable', () => {
  it('gives the contested mentor to the mentee both sides rank highest', () => {
    const a = assignStable(graph);
    expect(Array.from(a.mentorOf)).toEqual([0, 1]);
    expect(countBlockingPairs(graph, a.mentorOf)).toBe(0);
  });

  it('counts the blocking pair of the optimal assignment in the same round', () => {
    // Optimal gives mentee 0 mentor 1 (80) and mentee 1 mentor 0: mentee 0 and mentor 0 both prefer each other.
    const optimal = assignOptimal(graph);
    expect(countBlockingPairs(graph, optimal.mentorOf)).toBe(1);
  });

  it('has no blocking pair, respects capacity, fixed and forbidden pairs, on random rounds', () => {
    fc.assert(
      fc.property(smallRound(12, 6, true), ({ graph: g, fixed, forbidden }) => {
        const a = assignStable(g, { fixed, forbidden });
        expect(countBlockingPairs(g, a.mentorOf, { fixed, forbidden })).toBe(0);
        const load = new Int32Array(g.mentorCount);
        a.mentorOf.forEach((j) => j >= 0 && load[j]++);
        load.forEach((l, j) => expect(l).toBeLessThanOrEqual(g.capacity[j]));
        for (const [i, j] of fixed) expect(a.mentorOf[i]).toBe(j);
        for (const [i, j] of forbidden) if (!fixed.some(([f]) => f === i)) expect(a.mentorOf[i]).not.toBe(j);
        expect(a.totalPoints).toBeLessThanOrEqual(assignOptimal(g, { fixed, forbidden }).totalPoints);
      }),
      { numRuns: 300 },
    );
  });
});

describe('assignStable against the textbook deferred acceptance (sorted lists)', () => {
  it('gives the same assignment on random small rounds, with ties, fixed and forbidden pairs', () => {
    fc.assert(
      fc.property(smallRound(12, 6, true), ({ graph: g, fixed, forbidden }) => {
        const a = assignStable(g, { fixed, forbidden });
        expect(Array.from(a.mentorOf)).toEqual(Array.from(referenceStable(g, { fixed, forbidden })));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same assignment, with no blocking pair, on small rounds of every benchmark family', () => {
    fc.assert(
      fc.property(familyRound(40, 12, true), ({ graph: g, fixed, forbidden }) => {
        const a = assignStable(g, { fixed, forbidden });
        expect(Array.from(a.mentorOf)).toEqual(Array.from(referenceStable(g, { fixed, forbidden })));
        expect(countBlockingPairs(g, a.mentorOf, { fixed, forbidden })).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same assignment when seats are scarce and lists longer than the buffer', () => {
    // Up to 12 candidates per mentee and at most one seat per mentor: most mentees are refused by
    // their whole buffer, rescan, or stop without a rescan after a scan that found fewer mentors
    // than the buffer holds (the early exit in solveStable).
    fc.assert(
      fc.property(smallRound(40, 12, true), ({ graph: g, fixed, forbidden }) => {
        const scarce = { ...g, capacity: Int32Array.from(g.capacity, (c) => Math.min(c, 1)) };
        const kept = fixed.filter(([, j]) => scarce.capacity[j] > 0);
        const used = new Set<number>();
        const feasible = kept.filter(([, j]) => !used.has(j) && used.add(j));
        const a = assignStable(scarce, { fixed: feasible, forbidden });
        expect(Array.from(a.mentorOf)).toEqual(
          Array.from(referenceStable(scarce, { fixed: feasible, forbidden })),
        );
        expect(countBlockingPairs(scarce, a.mentorOf, { fixed: feasible, forbidden })).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    { mentees: 1500, mentors: 300, candidatesPerMentee: 20, seed: 11 },
    { mentees: 1500, mentors: 300, candidatesPerMentee: 20, seed: 12, minCapacity: 0, maxCapacity: 12 },
    { mentees: 800, mentors: 40, candidatesPerMentee: 40, seed: 13, minCapacity: 5, maxCapacity: 30 },
    { mentees: 600, mentors: 600, candidatesPerMentee: 50, seed: 14, minCapacity: 1, maxCapacity: 1 },
  ])('gives the same assignment on generated rounds with contention: %o', (shape) => {
    for (const coarse of [false, true]) {
      const generated = generateCandidateGraph(shape);
      // Coarse points (multiples of 10 points) make many ties on both sides.
      const g: CandidateGraph = coarse
        ? { ...generated, edgePoints: generated.edgePoints.map((p) => Math.round(p / 1000) * 1000) }
        : generated;
      const a = assignStable(g);
      expect(Array.from(a.mentorOf)).toEqual(Array.from(referenceStable(g)));
      expect(countBlockingPairs(g, a.mentorOf)).toBe(0);
    }
  });

  it('solves a prepared round without changing it, so both solvers can share one preparation', () => {
    const g = generateCandidateGraph({ mentees: 500, mentors: 100, candidatesPerMentee: 15, seed: 5 });
    const options = { fixed: [[0, 3] as const], forbidden: [[1, 4] as const] };
    const round = prepareRound(g, options);
    const before = [round.start, round.mentor, round.points, round.freeCapacity, round.fixedMentorOf].map(
      (a) => Array.from(a),
    );
    const stable = solveStable(round);
    const exact = solveOptimal(round);
    expect(stable).toEqual(assignStable(g, options));
    expect(exact).toEqual(assignOptimal(g, options));
    expect(countBlockingPairsPrepared(round, stable.mentorOf)).toBe(0);
    expect(
      [round.start, round.mentor, round.points, round.freeCapacity, round.fixedMentorOf].map((a) =>
        Array.from(a),
      ),
    ).toEqual(before);
  });
});

describe(countBlockingPairs.name, () => {
  it('agrees with the definition on arbitrary assignments', () => {
    fc.assert(
      fc.property(
        smallRound(8, 4, false),
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 8, maxLength: 8 }),
        ({ graph: g }, raw) => {
          // Any capacity-respecting assignment of candidate pairs, built from random choices.
          const mentorOf = new Int32Array(g.menteeCount).fill(-1);
          const load = new Int32Array(g.mentorCount);
          for (let i = 0; i < g.menteeCount; i++) {
            const j = raw[i];
            const isEdge = [...g.edgeMentee.keys()].some(
              (e) => g.edgeMentee[e] === i && g.edgeMentor[e] === j,
            );
            if (j >= 0 && j < g.mentorCount && isEdge && load[j] < g.capacity[j]) {
              mentorOf[i] = j;
              load[j]++;
            }
          }
          expect(countBlockingPairs(g, mentorOf)).toBe(blockingByDefinition(g, mentorOf));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe(assignGreedy.name, () => {
  it('takes the highest pair first', () => {
    expect(Array.from(assignGreedy(graph).mentorOf)).toEqual([0, 1]);
    expect(assignGreedy(graph).totalPoints).toBe(10000);
  });
});
