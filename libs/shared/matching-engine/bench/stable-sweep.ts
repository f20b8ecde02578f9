/*
 * Stable mode on every round family: no blocking pair, the same assignment as the textbook
 * deferred acceptance mentee by mentee, and its time against the exact solve of the same prepared
 * round (REPEATS runs interleaved, alternating which goes first).
 */
import { prepareRound, type Assignment } from '../src/assign/candidate-graph';
import { solveOptimal } from '../src/assign/optimal';
import { countBlockingPairsPrepared, solveStable } from '../src/assign/stable';
import { referenceStable } from '../src/testing/reference-stable';
import { generateFamilyRound, ROUND_FAMILIES } from '../src/testing/round-families';
import { selectedFamilies, selectedSizes, sizeLabel, warmUpEngine } from './exact-sweep';
import { log, median, ms, printTable, ratio, targets, timed, yesNo, type BenchOptions } from './report';

export function stableSweep(options: BenchOptions): void {
  log('## Stable mode on every round family');
  warmUpEngine();
  // The stable solver is compiled on rounds that are not measured too (without this, the first
  // rows timed V8's compilation of solveStable against an already compiled exact solver).
  for (const family of ROUND_FAMILIES)
    solveStable(prepareRound(generateFamilyRound(family, { mentees: 1000, mentors: 200 }, 99)));
  const rows: string[][] = [];
  for (const size of selectedSizes(options)) {
    for (const family of selectedFamilies(options)) {
      const graph = generateFamilyRound(family, size, 1);
      const round = prepareRound(graph);
      const stableTimes: number[] = [];
      const exactTimes: number[] = [];
      let stable: Assignment | undefined;
      let exact: Assignment | undefined;
      for (let r = 0; r < options.repeats; r++) {
        let t: number;
        if (r % 2 === 0) {
          [stable, t] = timed(() => solveStable(round));
          stableTimes.push(t);
          [exact, t] = timed(() => solveOptimal(round));
          exactTimes.push(t);
        } else {
          [exact, t] = timed(() => solveOptimal(round));
          exactTimes.push(t);
          [stable, t] = timed(() => solveStable(round));
          stableTimes.push(t);
        }
      }
      if (!stable || !exact) throw new Error('--repeats must be at least 1');
      const blocking = countBlockingPairsPrepared(round, stable.mentorOf);
      const reference = referenceStable(graph);
      const differing = reference.reduce((count, j, i) => count + (j === stable.mentorOf[i] ? 0 : 1), 0);
      const share = median(stableTimes) / median(exactTimes);
      const name = `stable ${family.id}, ${sizeLabel(size, family, graph.mentorCount)}`;
      targets.push({ name: `${name}: 0 blocking pairs`, met: blocking === 0 });
      targets.push({ name: `${name}: identical to textbook deferred acceptance`, met: differing === 0 });
      targets.push({ name: `${name}: stable / exact <= 0.1`, met: share <= 0.1 });
      rows.push([
        family.id,
        sizeLabel(size, family, graph.mentorCount),
        String(blocking),
        `${graph.menteeCount - differing} / ${graph.menteeCount}`,
        `${ms(median(stableTimes))} / ${ms(median(exactTimes))}`,
        ratio(share),
        ratio(stable.totalPoints / exact.totalPoints),
        yesNo(blocking === 0 && differing === 0 && share <= 0.1),
      ]);
    }
  }
  printTable(
    [
      'family',
      'size',
      'blocking pairs (0)',
      'as textbook DA (all)',
      'stable / exact time',
      'ratio (<= 0.1)',
      'stable total / optimum',
      'met',
    ],
    rows,
  );
}
