import { COMPONENT_IDS, type ProgramCriteria, type ProgramKind } from '../criteria';

/*
 * Every component value is a function of small counts. The explaining scorer and the bitset index
 * both compute the counts their own way and then call these same functions and `combinePoints`, so
 * a pair gets a bit-identical score on either path.
 */

/** Without a stated wish the component cannot discriminate; it counts as a neutral half. */
const NEUTRAL = 0.5;

export function skillsValue(metCount: number, wantedCount: number): number {
  return wantedCount === 0 ? NEUTRAL : metCount / wantedCount;
}

export function goalsValue(coveredCount: number, statedCount: number): number {
  return statedCount === 0 ? NEUTRAL : coveredCount / statedCount;
}

export function mentorTypesValue(offeredCount: number, wantedCount: number): number {
  return wantedCount === 0 ? NEUTRAL : offeredCount / wantedCount;
}

export function availabilityValue(overlapQuarterHours: number, targetWeeklyOverlapHours: number): number {
  return Math.min(1, overlapQuarterHours / (targetWeeklyOverlapHours * 4));
}

export function languagesValue(sharesLanguage: boolean): number {
  return sharesLanguage ? 1 : 0;
}

/** `gap` is mentor seniority minus mentee seniority. */
export function seniorityValue(kind: ProgramKind, gap: number, peerMaxSeniorityGap: number): number {
  switch (kind) {
    case 'one-to-one':
      // A mentor one or two levels up knows the road just ahead; far above, less so.
      if (gap < 0) return 0;
      if (gap === 0) return 0.5;
      if (gap <= 2) return 1;
      if (gap <= 3) return 0.75;
      return 0.5;
    case 'peer': {
      const d = Math.abs(gap);
      return d > peerMaxSeniorityGap ? 0 : 1 - d / (peerMaxSeniorityGap + 1);
    }
    case 'reverse':
      // Reverse mentoring is meant to flow upwards.
      return gap < 0 ? 1 : gap === 0 ? 0.5 : 0.25;
  }
}

export function timeZoneValue(gapMinutes: number): number {
  return Math.max(0, 1 - gapMinutes / 720);
}

/** Weights in `COMPONENT_IDS` order plus their sum, computed once per criteria. */
export interface WeightVector {
  weights: Float64Array;
  total: number;
}

export function weightVector(criteria: ProgramCriteria): WeightVector {
  const weights = new Float64Array(COMPONENT_IDS.length);
  let total = 0;
  COMPONENT_IDS.forEach((id, i) => {
    weights[i] = criteria.weights[id];
    total += weights[i];
  });
  return { weights, total };
}

/** Score points 0..10000 (score x 100, an integer so that optimality and ties are exact). */
export function combinePoints(values: ArrayLike<number>, w: WeightVector): number {
  let sum = 0;
  for (let i = 0; i < w.weights.length; i++) sum += w.weights[i] * values[i];
  return Math.round((sum * 10000) / w.total);
}
