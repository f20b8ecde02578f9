/*
 * npm run bench:matching — measures the matching engine against references in the same run and
 * prints each ratio with its target. Nothing here is hard-coded: every number comes from this run.
 * Exits 1 when a target is not met. Method and recorded results: docs/benchmarks.md.
 *
 *   npm run bench:matching -- [--sections exact,warm,large,stable,topk] [--only <family>]
 *                             [--sizes 5000,10000] [--repeats 3] [--highs-limit 1800]
 *                             [--topk-queries 300]
 */
import { exactSweep } from './exact-sweep';
import { largeRound } from './large-round';
import { log, now, parseOptions, targets } from './report';
import { stableSweep } from './stable-sweep';
import { topK } from './top-k';
import { warmResolves } from './warm-resolve';

const SECTIONS: Record<string, (options: ReturnType<typeof parseOptions>) => void | Promise<void>> = {
  exact: exactSweep,
  warm: warmResolves,
  large: largeRound,
  stable: stableSweep,
  topk: topK,
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = now();
  log(`node ${process.version}, ${new Date().toISOString()}, options ${JSON.stringify(options)}`);
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (options.sections === null || options.sections.includes(name)) await section(options);
  }
  const failed = targets.filter((t) => !t.met);
  log(`${targets.length - failed.length} of ${targets.length} targets met.`);
  for (const t of failed) log(`NOT met: ${t.name}`);
  log(`bench took ${((now() - started) / 1000) | 0} s`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
