/*
 * One criteria and one component table compiled for scoring many pairs: the weights in table order,
 * the rules that apply, and each component's measure. The explaining scorer uses this per pair; the
 * mentor index compiles the same thing once and reads amounts from its columns instead.
 */
import type { ProgramCriteria } from '../criteria';
import { applicableRules, ruleFailures, type BoundRule, type RuleFailure } from './eligibility-rules';
import type { MenteeFeatures, MentorFeatures } from './profile-features';
import {
  combinePoints,
  SCORE_COMPONENTS,
  weightVector,
  type ComponentTable,
  type Measure,
  type WeightVector,
} from './score-components';

export interface ScoringOptions {
  /** The component table; default the built-in `SCORE_COMPONENTS`. */
  components?: ComponentTable;
}

export interface CompiledScoring {
  readonly table: ComponentTable;
  readonly criteria: ProgramCriteria;
  readonly weights: WeightVector;
  readonly rules: readonly BoundRule[];
}

/** Compiled on every call that needs it: criteria are small, and nothing is kept between calls. */
export function compileScoring(criteria: ProgramCriteria, options: ScoringOptions = {}): CompiledScoring {
  const table = options.components ?? SCORE_COMPONENTS;
  return { table, criteria, weights: weightVector(table, criteria), rules: applicableRules(table, criteria) };
}

/** Everything the explaining path knows about one pair. */
export interface PairFacts {
  measures: Measure[];
  amounts: number[];
  stated: number[];
  values: number[];
  failures: RuleFailure[];
  points: number;
}

export function pairFacts(s: CompiledScoring, t: MenteeFeatures, m: MentorFeatures): PairFacts {
  const measures = s.table.map((c) => c.measure(t, m));
  const amounts = measures.map((x) => x.amount);
  const stated = s.table.map((c) => c.stated(t));
  const values = s.table.map((c, i) => c.value(amounts[i], stated[i], s.criteria));
  return {
    measures,
    amounts,
    stated,
    values,
    failures: ruleFailures(s.rules, t, m, amounts, s.criteria),
    points: combinePoints(values, s.weights),
  };
}
