/*
 * Runs the exact solver alone in a fresh process so its peak memory can be read without the
 * benchmark's other work in the same heap. Arguments: family id, mentees, mentors, seed.
 * Prints one JSON line; `solveMs` is the CPU time of the solve (see report.ts), `solveWallMs` its wall time. Peak = process.resourceUsage().maxRSS: the whole process, including Node
 * itself and the generated instance, so it is an upper bound on what the engine needs.
 */
import { prepareRound } from '../src/assign/candidate-graph';
import { solveOptimal } from '../src/assign/optimal';
import { generateFamilyRound, ROUND_FAMILIES } from '../src/testing/round-families';

const [familyId, mentees, mentors, seed] = process.argv.slice(2);
const family = ROUND_FAMILIES.find((f) => f.id === familyId);
if (!family) throw new Error(`unknown family ${familyId}`);
solveOptimal(prepareRound(generateFamilyRound(family, { mentees: 2000, mentors: 400 }, 100))); // JIT warm-up
const graph = generateFamilyRound(
  family,
  { mentees: Number(mentees), mentors: Number(mentors) },
  Number(seed),
);
const t0 = performance.now();
const round = prepareRound(graph);
const t1 = performance.now();
const cpu = process.cpuUsage();
const result = solveOptimal(round);
const used = process.cpuUsage(cpu);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    prepareMs: t1 - t0,
    solveWallMs: t2 - t1,
    solveMs: (used.user + used.system) / 1000,
    totalPoints: result.totalPoints,
    matchedCount: result.matchedCount,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n',
);
