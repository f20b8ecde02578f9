/*
 * Warm re-solves: a coordinator reviews the proposal and forbids proposed pairs and fixes others
 * (20 pairs), or cuts a full mentor's seats by half; the engine re-solves from the previous prices
 * and pairs. Compared with a cold solve of the same changed round, both on the prepared round,
 * REPEATS runs interleaved.
 */
import { prepareRound } from '../src/assign/candidate-graph';
import { solveOptimal, type OptimalAssignment } from '../src/assign/optimal';
import { reviseProposal } from '../src/testing/round-changes';
import { generateFamilyRound, ROUND_FAMILIES } from '../src/testing/round-families';
import { seededRandom } from '../src/testing/random';
import { selectedFamilies, selectedSizes, sizeLabel, warmUpEngine } from './exact-sweep';
import { log, median, ms, printTable, ratio, targets, timed, yesNo, type BenchOptions } from './report';

const CHANGES = [{ kind: 'pairs', pairs: 20 } as const, { kind: 'capacity' } as const];

export function warmResolves(options: BenchOptions): void {
  log("## Warm re-solves after a coordinator's changes");
  log(`CPU times: median of ${options.repeats} interleaved runs (cold, warm) on the prepared changed round`);
  warmUpEngine();
  // The warm path's own code (the two-way search, the batch price cut) is compiled on rounds that
  // are not measured too, as the stable sweep does for its solver: otherwise the first measured
  // rows time V8 compiling it against an already compiled cold solve.
  for (const family of ROUND_FAMILIES) {
    const graph = generateFamilyRound(family, { mentees: 2000, mentors: 400 }, 99);
    const first = solveOptimal(prepareRound(graph));
    for (const change of CHANGES) {
      const random = seededRandom(99);
      const changed = reviseProposal({ graph, fixed: [], forbidden: [] }, first.mentorOf, change, () =>
        Math.floor(random() * 2 ** 30),
      );
      solveOptimal(prepareRound(changed.graph, changed), { warmStart: first.warmStart });
    }
  }
  const rows: string[][] = [];
  for (const size of selectedSizes(options)) {
    for (const family of selectedFamilies(options)) {
      const graph = generateFamilyRound(family, size, 1);
      const first = solveOptimal(prepareRound(graph));
      const cells: string[] = [];
      let allMet = true;
      for (const change of CHANGES) {
        const random = seededRandom(7);
        const changed = reviseProposal({ graph, fixed: [], forbidden: [] }, first.mentorOf, change, () =>
          Math.floor(random() * 2 ** 30),
        );
        const round = prepareRound(changed.graph, changed);
        const coldTimes: number[] = [];
        const warmTimes: number[] = [];
        let cold: OptimalAssignment | undefined;
        let warm: OptimalAssignment | undefined;
        for (let r = 0; r < options.repeats; r++) {
          let t: number;
          [cold, t] = timed(() => solveOptimal(round));
          coldTimes.push(t);
          [warm, t] = timed(() => solveOptimal(round, { warmStart: first.warmStart }));
          warmTimes.push(t);
        }
        if (!cold || !warm) throw new Error('--repeats must be at least 1');
        const same = cold.totalPoints === warm.totalPoints && cold.matchedCount === warm.matchedCount;
        const share = median(warmTimes) / median(coldTimes);
        const what = change.kind === 'pairs' ? '20 pairs' : 'one capacity';
        const name = `warm ${family.id}, ${sizeLabel(size, family, graph.mentorCount)}, ${what}`;
        targets.push({ name: `${name}: same optimum as cold`, met: same });
        targets.push({ name: `${name}: warm / cold <= 0.2`, met: share <= 0.2 });
        allMet &&= same && share <= 0.2;
        cells.push(`${ms(median(warmTimes))} / ${ms(median(coldTimes))}`, ratio(share), yesNo(same));
      }
      rows.push([family.id, sizeLabel(size, family, graph.mentorCount), ...cells, yesNo(allMet)]);
    }
  }
  printTable(
    [
      'family',
      'size',
      '20 pairs: warm / cold',
      'ratio (<= 0.2)',
      'same optimum',
      'one capacity: warm / cold',
      'ratio (<= 0.2)',
      'same optimum',
      'met',
    ],
    rows,
  );
}
