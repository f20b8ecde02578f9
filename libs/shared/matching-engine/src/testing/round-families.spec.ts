import { ROUND_FAMILIES, generateFamilyRound } from './round-families';

// The generator feeds the property tests and the benchmark; when it cannot reach its seat total it
// loops forever, and a synchronous loop is beyond Jest's timeout (it once hung a whole CI run).
describe('generateFamilyRound', () => {
  it.each(ROUND_FAMILIES.map((f) => [f.id, f] as const))(
    'gives %s rounds the exact seat total and distinct candidates, at every small size',
    (_, family) => {
      for (let mentees = 1; mentees <= 80; mentees++) {
        for (const mentors of [1, 3, 15]) {
          const graph = generateFamilyRound(
            family,
            { mentees, mentors, maxCandidates: 8 },
            mentees * 31 + mentors,
          );
          const seats = Array.from(graph.capacity).reduce((a, b) => a + b, 0);
          expect(seats).toBe(Math.max(1, Math.round(family.seatsPerMentee * mentees)));
          const pairs = new Set<number>();
          for (let e = 0; e < graph.edgeMentee.length; e++) {
            pairs.add(graph.edgeMentee[e] * graph.mentorCount + graph.edgeMentor[e]);
          }
          expect(pairs.size).toBe(graph.edgeMentee.length);
        }
      }
    },
  );
});
