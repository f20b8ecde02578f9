import type { CandidateGraph } from '../assign/candidate-graph';
import { randomInt, seededRandom } from './random';

/**
 * The kinds of cohort the exact solver must be fast and right on, for the benchmark sweep (large
 * sizes) and the property tests (small sizes). A coordinator's real data can look like any of them.
 */
export interface RoundFamily {
  id: string;
  /** What the family stands for, one line. */
  description: string;
  /** Total mentor seats divided by the number of mentees. */
  seatsPerMentee: number;
  candidatesPerMentee: number;
  /** 'spread': mentor quality plus pair noise; 'equal': every pair ties; 'two-levels': 40 or 80. */
  points: 'spread' | 'equal' | 'two-levels';
  /** 'skewed': a third of the candidates among the 10 % popular mentors; 'extreme': 90 % among 2 %. */
  popularity: 'skewed' | 'extreme';
  /**
   * 'standard': the size's mentor count, capacities around the mean; 'large-capacity': few mentors
   * with 20..50 seats (group-like, the mentor count follows from the seats); 'capacity-1': one seat
   * per mentor (plain assignment, as many mentors as seats).
   */
  mentors: 'standard' | 'large-capacity' | 'capacity-1';
}

const family = (
  id: string,
  description: string,
  shape: Partial<Omit<RoundFamily, 'id' | 'description'>> = {},
): RoundFamily => ({
  id,
  description,
  seatsPerMentee: 1,
  candidatesPerMentee: 50,
  points: 'spread',
  popularity: 'skewed',
  mentors: 'standard',
  ...shape,
});

export const ROUND_FAMILIES: readonly RoundFamily[] = [
  ...[0.5, 0.8, 0.95, 1, 1.05, 1.5, 3].map((ratio) =>
    family(`seats-${ratio}`, `seats = ${ratio} x mentees`, { seatsPerMentee: ratio }),
  ),
  family('all-equal', 'every pair has the same points (all ties)', { points: 'equal' }),
  family('two-levels', 'pairs score 40 or 80', { points: 'two-levels' }),
  family('extreme-popularity', '90 % of candidates among 2 % of the mentors', { popularity: 'extreme' }),
  family('large-capacity', 'few mentors with 20..50 seats (group-like)', { mentors: 'large-capacity' }),
  family('capacity-1', 'every mentor has one seat (plain assignment)', { mentors: 'capacity-1' }),
  family('candidates-100', '100 candidates per mentee', { candidatesPerMentee: 100 }),
];

export interface RoundSize {
  mentees: number;
  /** Mentors of the 'standard' families; the other two derive theirs from the seats. */
  mentors: number;
  /** At most this many candidates per mentee (small test rounds stay sparse). */
  maxCandidates?: number;
}

/** The instance of `family` at `size` for `seed` (same inputs, same graph). */
export function generateFamilyRound(f: RoundFamily, size: RoundSize, seed: number): CandidateGraph {
  const random = seededRandom(seed * 7919 + ROUND_FAMILIES.indexOf(f) + 1);
  const m = size.mentees;
  const seats = Math.max(1, Math.round(f.seatsPerMentee * m));
  const capacity = mentorCapacities(f, size.mentors, seats, random);
  const n = capacity.length;
  const quality = Float64Array.from({ length: n }, () => random());
  const share = f.popularity === 'extreme' ? 0.9 : 1 / 3;
  const popular = Math.max(1, Math.floor(n * (f.popularity === 'extreme' ? 0.02 : 0.1)));
  const per = Math.min(f.candidatesPerMentee, n, size.maxCandidates ?? Infinity);
  const edgeMentee = new Int32Array(m * per);
  const edgeMentor = new Int32Array(m * per);
  const edgePoints = new Int32Array(m * per);
  const stamp = new Int32Array(n).fill(-1);
  let e = 0;
  for (let i = 0; i < m; i++) {
    for (let c = 0; c < per; c++) {
      let j: number;
      do {
        j = random() < share ? randomInt(random, 0, popular - 1) : randomInt(random, 0, n - 1);
      } while (stamp[j] === i);
      stamp[j] = i;
      edgeMentee[e] = i;
      edgeMentor[e] = j;
      edgePoints[e] =
        f.points === 'equal'
          ? 5000
          : f.points === 'two-levels'
            ? random() < 0.5
              ? 4000
              : 8000
            : Math.round(2000 + 4000 * quality[j] + 4000 * random());
      e++;
    }
  }
  return { menteeCount: m, mentorCount: n, capacity, edgeMentee, edgeMentor, edgePoints };
}

/** Capacities summing to exactly `seats`. */
function mentorCapacities(f: RoundFamily, mentors: number, seats: number, random: () => number): Int32Array {
  if (f.mentors === 'capacity-1') return new Int32Array(seats).fill(1);
  const [low, high] =
    f.mentors === 'large-capacity' ? [20, 50] : [1, Math.max(1, Math.round((2 * seats) / mentors) - 1)];
  const n = f.mentors === 'large-capacity' ? Math.max(1, Math.round(seats / 35)) : mentors;
  if (f.mentors === 'large-capacity' && seats < low) return Int32Array.of(seats);
  const capacity = Int32Array.from({ length: n }, () => randomInt(random, low, high));
  let total = capacity.reduce((a, b) => a + b, 0);
  // Nudge random mentors by one seat until the total is exact, staying within [floor, ceiling]. The
  // ceiling must let n mentors reach the total: 52 seats on one large-capacity mentor (high 50) once
  // looped forever here and hung a whole CI run.
  const floor = seats < n ? 0 : 1;
  const ceiling = Math.max(high + 1, Math.ceil(seats / n));
  while (total !== seats) {
    const j = randomInt(random, 0, n - 1);
    if (total < seats && capacity[j] < ceiling) {
      capacity[j]++;
      total++;
    } else if (total > seats && capacity[j] > floor) {
      capacity[j]--;
      total--;
    }
  }
  return capacity;
}

/** The two sweep sizes of the benchmark. */
export const SWEEP_SIZES: readonly RoundSize[] = [
  { mentees: 5000, mentors: 1000 },
  { mentees: 10000, mentors: 2000 },
];
