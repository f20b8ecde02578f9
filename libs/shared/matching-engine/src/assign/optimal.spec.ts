import fc from 'fast-check';
import { MatchingInputError } from '../matching-input.error';
import { smallRound } from '../testing/arbitraries';
import { bruteForceBest } from '../testing/brute-force';
import { candidateGraphOf, generateCandidateGraph, GREEDY_TRAP } from '../testing/candidate-graphs';
import { solveWithHighs } from '../testing/highs-reference';
import { assignOptimal } from './optimal';
import type { Assignment, CandidateGraph, PairRef } from './candidate-graph';

function pointsOf(graph: CandidateGraph, i: number, j: number): number | undefined {
  for (let e = 0; e < graph.edgeMentee.length; e++) {
    if (graph.edgeMentee[e] === i && graph.edgeMentor[e] === j) return graph.edgePoints[e];
  }
  return undefined;
}

/** Recomputes the reported totals from `mentorOf` and checks every hard constraint. */
function expectFeasible(
  graph: CandidateGraph,
  a: Assignment,
  fixed: PairRef[] = [],
  forbidden: PairRef[] = [],
): void {
  const load = new Int32Array(graph.mentorCount);
  let total = 0;
  let matched = 0;
  a.mentorOf.forEach((j, i) => {
    if (j === -1) return;
    load[j]++;
    matched++;
    const p = pointsOf(graph, i, j);
    const isFixed = fixed.some(([fi, fj]) => fi === i && fj === j);
    if (!isFixed) expect(p).toBeDefined(); // only candidate pairs, unless a coordinator fixed it
    total += p ?? 0;
  });
  for (let j = 0; j < graph.mentorCount; j++) expect(load[j]).toBeLessThanOrEqual(graph.capacity[j]);
  for (const [i, j] of fixed) expect(a.mentorOf[i]).toBe(j);
  for (const [i, j] of forbidden) {
    if (!fixed.some(([fi]) => fi === i)) expect(a.mentorOf[i]).not.toBe(j);
  }
  expect(a.totalPoints).toBe(total);
  expect(a.matchedCount).toBe(matched);
}

describe('assignOptimal', () => {
  it('takes the better total over the greedy first choice', () => {
    const a = assignOptimal(GREEDY_TRAP);
    expect(Array.from(a.mentorOf)).toEqual([1, 0]);
    expect(a.totalPoints).toBe(16500);
  });

  it('prefers more pairs over more score when asked to', () => {
    // One mentor, capacity 1; mentee 0 scores 90 with it, mentee 1 scores 80 but also fits mentor 1.
    const graph = candidateGraphOf(
      [1, 1],
      [
        [0, 0, 9000],
        [0, 1, 100],
        [1, 0, 8000],
        [2, 1, 9500],
      ],
    );
    expect(assignOptimal(graph).matchedCount).toBe(2);
    expect(assignOptimal(graph).totalPoints).toBe(18500);
    const both = assignOptimal(graph, { objective: 'max-matched-then-score' });
    expect(both.matchedCount).toBe(2);
    expect(both.totalPoints).toBe(18500);
  });

  it('rejects fixed pairs beyond capacity and duplicate edges', () => {
    const graph = candidateGraphOf(
      [1],
      [
        [0, 0, 1],
        [1, 0, 2],
      ],
    );
    expect(() =>
      assignOptimal(graph, {
        fixed: [
          [0, 0],
          [1, 0],
        ],
      }),
    ).toThrow(MatchingInputError);
    expect(() => assignOptimal({ ...graph, edgeMentee: Int32Array.from([0, 0]) })).toThrow(/twice/);
  });

  it('is deterministic for the same input', () => {
    const graph = generateCandidateGraph({ mentees: 400, mentors: 80, candidatesPerMentee: 12, seed: 7 });
    expect(Array.from(assignOptimal(graph).mentorOf)).toEqual(Array.from(assignOptimal(graph).mentorOf));
  });

  it('equals brute force on tiny rounds, for both objectives, with fixed and forbidden pairs', () => {
    fc.assert(
      fc.property(smallRound(6, 4, true), ({ graph, fixed, forbidden }) => {
        const brute = bruteForceBest(graph, { fixed, forbidden });
        const best = assignOptimal(graph, { fixed, forbidden });
        expectFeasible(graph, best, fixed, forbidden);
        expect(best.totalPoints).toBe(brute.bestPoints);
        const most = assignOptimal(graph, { fixed, forbidden, objective: 'max-matched-then-score' });
        expectFeasible(graph, most, fixed, forbidden);
        expect([most.matchedCount, most.totalPoints]).toEqual(brute.bestMatchedThenPoints);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the HiGHS LP optimum on random small rounds', async () => {
    await fc.assert(
      fc.asyncProperty(smallRound(30, 12, true), async ({ graph, fixed, forbidden }) => {
        const lp = await solveWithHighs(graph, { fixed, forbidden });
        const a = assignOptimal(graph, { fixed, forbidden });
        expectFeasible(graph, a, fixed, forbidden);
        expect(a.totalPoints).toBe(lp.objective);
        const lpMost = await solveWithHighs(graph, { fixed, forbidden, objective: 'max-matched-then-score' });
        const most = assignOptimal(graph, { fixed, forbidden, objective: 'max-matched-then-score' });
        expect([most.matchedCount, most.totalPoints]).toEqual([lpMost.matched, lpMost.objective]);
      }),
      { numRuns: 120 },
    );
  });

  it('equals the HiGHS optimum on a generated round with contention', async () => {
    const graph = generateCandidateGraph({ mentees: 1500, mentors: 300, candidatesPerMentee: 20, seed: 3 });
    const a = assignOptimal(graph);
    expectFeasible(graph, a);
    expect(a.totalPoints).toBe((await solveWithHighs(graph)).objective);
  });
});
