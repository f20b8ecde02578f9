import { MAX_POINTS, type AssignmentObjective } from './candidate-graph';

/**
 * An objective as integer pair weights, `points x perPoint + perPair`, so one maximum-weight
 * assignment answers it exactly:
 * - max-score: perPoint = M + 1, perPair = 1: the highest total score, then the most pairs (at most
 *   M pairs can never outweigh one point);
 * - max-matched-then-score: perPoint = 1, perPair = MAX_POINTS x M + 1: one more pair outweighs any
 *   total score, then the highest score.
 * The weights depend only on the mentee count and the objective, not on which pairs are fixed or
 * forbidden, so the prices of one solve stay meaningful for a warm re-solve of the same round.
 */
export interface PairWeights {
  perPoint: number;
  perPair: number;
}

export function pairWeights(menteeCount: number, objective: AssignmentObjective): PairWeights {
  return objective === 'max-matched-then-score'
    ? { perPoint: 1, perPair: MAX_POINTS * menteeCount + 1 }
    : { perPoint: menteeCount + 1, perPair: 1 };
}

/** The largest total weight of a round, which must stay an exact float64 integer (below 2^53). */
export function maxTotalWeight(menteeCount: number, objective: AssignmentObjective): number {
  const w = pairWeights(menteeCount, objective);
  return menteeCount * (MAX_POINTS * w.perPoint + w.perPair);
}
