/*
 * Exact assignment over every round family and size: the engine, HiGHS and LEMON on the same
 * instance, timed the same way (the engine on the prepared round, HiGHS's run() and LEMON's run()
 * only), REPEATS runs interleaved engine / HiGHS / LEMON, medians compared.
 */
import { prepareRound, type Assignment } from '../src/assign/candidate-graph';
import { solveOptimal } from '../src/assign/optimal';
import { loadHighs, solveWithHighs } from '../src/testing/highs-reference';
import {
  generateFamilyRound,
  ROUND_FAMILIES,
  SWEEP_SIZES,
  type RoundFamily,
  type RoundSize,
} from '../src/testing/round-families';
import { ensureLemon, runLemon, writeLemonRound } from './lemon';
import {
  log,
  median,
  selected,
  ms,
  printTable,
  ratio,
  targets,
  timed,
  yesNo,
  type BenchOptions,
} from './report';

export const sizeLabel = (size: RoundSize, f: RoundFamily, mentors: number): string =>
  `${size.mentees / 1000}k x ${mentors >= 1000 ? `${mentors / 1000}k` : mentors} x ${f.candidatesPerMentee}`;

export function selectedFamilies(options: BenchOptions): readonly RoundFamily[] {
  return ROUND_FAMILIES.filter((f) => selected(options, f.id));
}

export function selectedSizes(options: BenchOptions): readonly RoundSize[] {
  return SWEEP_SIZES.filter((s) => options.sizes === null || options.sizes.includes(s.mentees));
}

/** JIT warm-up on rounds that are not measured. */
export function warmUpEngine(): void {
  for (const f of ROUND_FAMILIES)
    solveOptimal(prepareRound(generateFamilyRound(f, { mentees: 1000, mentors: 200 }, 99)));
}

export async function exactSweep(options: BenchOptions): Promise<void> {
  log('## Exact assignment: every round family against HiGHS and LEMON');
  log(
    `times: median of ${options.repeats} interleaved runs (engine, HiGHS, LEMON); engine on the prepared round, HiGHS and LEMON run() only`,
  );
  await loadHighs();
  const lemon = ensureLemon(log);
  warmUpEngine();
  const rows: string[][] = [];
  for (const size of selectedSizes(options)) {
    for (const family of selectedFamilies(options)) {
      const graph = generateFamilyRound(family, size, 1);
      const round = prepareRound(graph);
      const file = lemon ? writeLemonRound(graph, 'max-score', 'sweep') : null;
      const engineTimes: number[] = [];
      const highsTimes: number[] = [];
      const lemonTimes: number[] = [];
      let exact: Assignment | undefined;
      let highsTotal = NaN;
      let lemonTotal = NaN;
      for (let r = 0; r < options.repeats; r++) {
        const [result, t] = timed(() => solveOptimal(round));
        if (exact && result.totalPoints !== exact.totalPoints)
          throw new Error('a repetition gave another total');
        exact = result;
        engineTimes.push(t);
        const lp = await solveWithHighs(graph);
        highsTimes.push(lp.cpuMs);
        highsTotal = lp.objective;
        if (file) {
          const ns = runLemon(file);
          lemonTimes.push(ns.cpuMs);
          lemonTotal = ns.total;
        }
      }
      if (!exact) throw new Error('--repeats must be at least 1');
      const engineMs = median(engineTimes);
      const highsMs = median(highsTimes);
      const lemonMs = file ? median(lemonTimes) : NaN;
      const same = exact.totalPoints === highsTotal && (!file || exact.totalPoints === lemonTotal);
      const vsHighs = engineMs / highsMs;
      const vsLemon = engineMs / lemonMs;
      const name = `${family.id}, ${sizeLabel(size, family, graph.mentorCount)}`;
      log(
        `${name}: engine ${engineTimes.map(ms).join(', ')}; HiGHS ${highsTimes.map(ms).join(', ')}; LEMON ${lemonTimes.map(ms).join(', ')}; total ${exact.totalPoints} (${exact.matchedCount} pairs), HiGHS ${highsTotal}, LEMON ${lemonTotal}: ${same ? 'same optimum' : 'DIFFERENT OPTIMUM'}`,
      );
      rows.push([
        family.id,
        sizeLabel(size, family, graph.mentorCount),
        yesNo(same),
        ms(engineMs),
        ms(highsMs),
        ratio(vsHighs),
        ms(lemonMs),
        ratio(vsLemon),
        yesNo(same && vsHighs <= 0.2),
      ]);
      targets.push({ name: `exact ${name}: same optimum as HiGHS and LEMON`, met: same });
      targets.push({ name: `exact ${name}: engine / HiGHS <= 0.2`, met: vsHighs <= 0.2 });
      if (file) targets.push({ name: `exact ${name}: engine / LEMON <= 3 (aim)`, met: vsLemon <= 3 });
    }
  }
  printTable(
    [
      'family',
      'mentees x mentors x candidates',
      'same optimum',
      'engine',
      'HiGHS',
      'engine / HiGHS (<= 0.2)',
      'LEMON',
      'engine / LEMON (aim <= 3)',
      'met',
    ],
    rows,
  );
}
