/*
 * Runs the exact solver alone in a fresh process so its peak memory can be read without the
 * benchmark's other work (HiGHS, the naive scorer) in the same heap. Prints one JSON line.
 * Peak = process.resourceUsage().maxRSS: the whole process, including Node itself and the
 * generated instance, so it is an upper bound on what the engine needs.
 */
import { assignOptimal } from '../src/assign/optimal';
import { generateCandidateGraph } from '../src/testing/candidate-graphs';

const [mentees, mentors, candidatesPerMentee, seed] = process.argv.slice(2).map(Number);
assignOptimal(generateCandidateGraph({ mentees: 2000, mentors: 400, candidatesPerMentee: 30, seed: 100 })); // JIT warm-up
const graph = generateCandidateGraph({ mentees, mentors, candidatesPerMentee, seed });
const t0 = performance.now();
const result = assignOptimal(graph);
const solveMs = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    solveMs,
    totalPoints: result.totalPoints,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n',
);
