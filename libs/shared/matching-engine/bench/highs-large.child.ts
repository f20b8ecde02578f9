/*
 * HiGHS alone in a fresh process on one round, with a time limit (it may not finish a 100k round in
 * reasonable time). Arguments: family id, mentees, mentors, seed, time limit in seconds, and
 * optionally HiGHS options as JSON (the 100k round runs with presolve off: see large-round.ts).
 * Prints one JSON line with run() time, whether it finished, the optimum and the process's maxRSS.
 */
import { solveWithHighs } from '../src/testing/highs-reference';
import { generateFamilyRound, ROUND_FAMILIES } from '../src/testing/round-families';

async function main(): Promise<void> {
  const [familyId, mentees, mentors, seed, limit, highsOptions] = process.argv.slice(2);
  const family = ROUND_FAMILIES.find((f) => f.id === familyId);
  if (!family) throw new Error(`unknown family ${familyId}`);
  const graph = generateFamilyRound(
    family,
    { mentees: Number(mentees), mentors: Number(mentors) },
    Number(seed),
  );
  const lp = await solveWithHighs(
    graph,
    {},
    {
      timeLimitSeconds: Number(limit),
      highsOptions: highsOptions ? (JSON.parse(highsOptions) as Record<string, unknown>) : undefined,
    },
  );
  process.stdout.write(JSON.stringify({ ...lp, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
