/*
 * Warm re-solves of this checkout against another checkout of the engine, in one process:
 *
 *   git archive main libs/shared/matching-engine/src | tar -x -C /tmp/base
 *   node -r @swc-node/register libs/shared/matching-engine/bench/warm-compare.ts \
 *     /tmp/base/libs/shared/matching-engine/src [--only capacity-1,all-equal] [--sizes 5000] [--repeats 9]
 *
 * Two runs of `npm run bench:matching -- --sections warm` one after the other differ by about ±0.05
 * per cell on the shared machine (the load of the other engineers changes between them), which is as
 * much as most changes of the warm path. Here both engines solve the same changed rounds, their cold
 * and warm solves interleaved run by run (base cold, base warm, this cold, this warm), so a moment of
 * load hits both sides alike. Not part of `npm run bench:matching`; its figures are supporting
 * evidence for a change, the recorded warm section remains the benchmark's.
 */
import { resolve } from 'node:path';
import * as ownRound from '../src/assign/candidate-graph';
import * as ownOptimal from '../src/assign/optimal';
import { reviseProposal } from '../src/testing/round-changes';
import { generateFamilyRound, ROUND_FAMILIES } from '../src/testing/round-families';
import { seededRandom } from '../src/testing/random';
import { selectedFamilies, selectedSizes, sizeLabel } from './exact-sweep';
import { log, median, ms, parseOptions, printTable, ratio, timed } from './report';

interface Engine {
  round: Pick<typeof ownRound, 'prepareRound'>;
  optimal: Pick<typeof ownOptimal, 'solveOptimal'>;
}

const CHANGES = [{ kind: 'pairs', pairs: 20 } as const, { kind: 'capacity' } as const];

function main(): void {
  const [baseDir, ...rest] = process.argv.slice(2);
  if (baseDir === undefined || baseDir.startsWith('--')) {
    throw new Error('usage: warm-compare.ts <the other checkout: libs/shared/matching-engine/src> [options]');
  }
  const parsed = parseOptions(rest);
  const options = { ...parsed, repeats: rest.includes('--repeats') ? parsed.repeats : 9 };
  const base: Engine = {
    round: require(resolve(baseDir, 'assign/candidate-graph')),
    optimal: require(resolve(baseDir, 'assign/optimal')),
  };
  const own: Engine = { round: ownRound, optimal: ownOptimal };
  const engines = [base, own];
  log(`warm re-solves, ${baseDir} (base) against this checkout, ${options.repeats} interleaved runs`);
  // Compile both engines' cold and warm paths before timing (as the warm section does).
  for (const engine of engines) {
    for (const family of ROUND_FAMILIES) {
      const graph = generateFamilyRound(family, { mentees: 2000, mentors: 400 }, 99);
      const first = engine.optimal.solveOptimal(engine.round.prepareRound(graph));
      for (const change of CHANGES) {
        const random = seededRandom(99);
        const changed = reviseProposal({ graph, fixed: [], forbidden: [] }, first.mentorOf, change, () =>
          Math.floor(random() * 2 ** 30),
        );
        engine.optimal.solveOptimal(engine.round.prepareRound(changed.graph, changed), {
          warmStart: first.warmStart,
        });
      }
    }
  }
  const rows: string[][] = [];
  const missed = [0, 0];
  for (const size of selectedSizes(options)) {
    for (const family of selectedFamilies(options)) {
      const graph = generateFamilyRound(family, size, 1);
      const first = own.optimal.solveOptimal(own.round.prepareRound(graph));
      const cells: string[] = [];
      for (const change of CHANGES) {
        const random = seededRandom(7);
        const changed = reviseProposal({ graph, fixed: [], forbidden: [] }, first.mentorOf, change, () =>
          Math.floor(random() * 2 ** 30),
        );
        const times = engines.map(() => ({ cold: [] as number[], warm: [] as number[] }));
        for (let r = 0; r < options.repeats; r++) {
          engines.forEach((engine, side) => {
            const round = engine.round.prepareRound(changed.graph, changed);
            const [cold, coldTime] = timed(() => engine.optimal.solveOptimal(round));
            const [warm, warmTime] = timed(() =>
              engine.optimal.solveOptimal(round, { warmStart: first.warmStart }),
            );
            if (cold.totalPoints !== warm.totalPoints || cold.matchedCount !== warm.matchedCount) {
              throw new Error(`${family.id}: warm and cold optimum differ`);
            }
            times[side].cold.push(coldTime);
            times[side].warm.push(warmTime);
          });
        }
        times.forEach((t, side) => {
          const share = median(t.warm) / median(t.cold);
          if (share > 0.2) missed[side]++;
          cells.push(`${ms(median(t.warm))} / ${ms(median(t.cold))}`, ratio(share));
        });
      }
      rows.push([family.id, sizeLabel(size, family, graph.mentorCount), ...cells]);
    }
  }
  const sides = ['base', 'this'];
  printTable(
    [
      'family',
      'size',
      ...['20 pairs', 'one capacity'].flatMap((what) =>
        sides.flatMap((side) => [`${what}, ${side}: warm / cold`, 'ratio']),
      ),
    ],
    rows,
  );
  log(
    `cells above 0.2: base ${missed[0]}, this checkout ${missed[1]} (same optimum warm and cold on every cell)`,
  );
}

main();
