import type { ProgramCriteria } from '../criteria';
import type { MenteeProfile, MentorProfile } from '../profile';
import type { RuleFailure } from './eligibility-rules';
import {
  compileScoring,
  pairFacts,
  type CompiledScoring,
  type PairFacts,
  type ScoringOptions,
} from './pair-facts';
import { menteeFeatures, mentorFeatures, type MenteeFeatures, type MentorFeatures } from './profile-features';

export type { EligibilityRule, RuleFailure } from './eligibility-rules';

export interface ScoreComponent {
  /** A `ComponentId` for the built-in table; an extension's own id otherwise. */
  id: string;
  /** How well the pair does on this component, 0..1. */
  value: number;
  /** This component's share of the total weight, 0..1. */
  weight: number;
  /** Contribution to the 0..100 score (value x weight x 100), rounded to 2 decimals for display. */
  points: number;
  reason: string;
}

export interface PairScore {
  menteeId: string;
  mentorId: string;
  /** 0..100 with two decimals: `points / 100`. */
  score: number;
  /** Integer score x 100 (0..10000); the engine optimizes and ranks on this exact value. */
  points: number;
  components: ScoreComponent[];
}

export interface EligiblePair extends PairScore {
  eligible: true;
}

export interface IneligiblePair {
  menteeId: string;
  mentorId: string;
  eligible: false;
  /** Every rule the pair fails, in a fixed order. */
  failures: RuleFailure[];
}

export type PairAssessment = EligiblePair | IneligiblePair;

/**
 * Scores one mentee-mentor pair with a reason per component, or reports every rule it fails.
 * Capacity is not a pair property and is not checked here.
 */
export function assessPair(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  criteria: ProgramCriteria,
  options: ScoringOptions = {},
): PairAssessment {
  const s = compileScoring(criteria, options);
  const t = menteeFeatures(mentee, criteria.referenceDate);
  const m = mentorFeatures(mentor, criteria.referenceDate);
  const facts = pairFacts(s, t, m);
  if (facts.failures.length > 0)
    return { menteeId: t.id, mentorId: m.id, eligible: false, failures: facts.failures };
  return { ...explain(s, t, m, facts), eligible: true };
}

/** The explained score of a pair, whether or not it passes the rules (coordinators may fix any pair). */
export function scorePair(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  criteria: ProgramCriteria,
  options: ScoringOptions = {},
): PairScore {
  const s = compileScoring(criteria, options);
  const t = menteeFeatures(mentee, criteria.referenceDate);
  const m = mentorFeatures(mentor, criteria.referenceDate);
  return explain(s, t, m, pairFacts(s, t, m));
}

/**
 * Points of an eligible pair, or null: the same measures, rules and values as `assessPair`, without
 * building reasons, on features derived once by the caller. The naive top-k reference uses it.
 */
export function pairPointsOfFeatures(
  s: CompiledScoring,
  t: MenteeFeatures,
  m: MentorFeatures,
): number | null {
  const facts = pairFacts(s, t, m);
  return facts.failures.length > 0 ? null : facts.points;
}

/** `pairPointsOfFeatures` from profiles. */
export function pairPoints(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  criteria: ProgramCriteria,
  options: ScoringOptions = {},
): number | null {
  return pairPointsOfFeatures(
    compileScoring(criteria, options),
    menteeFeatures(mentee, criteria.referenceDate),
    mentorFeatures(mentor, criteria.referenceDate),
  );
}

/** The explanation of a pair whose features are already derived (bulk rounds explain many pairs). */
export function explainFeatures(s: CompiledScoring, t: MenteeFeatures, m: MentorFeatures): PairScore {
  return explain(s, t, m, pairFacts(s, t, m));
}

function explain(s: CompiledScoring, t: MenteeFeatures, m: MentorFeatures, facts: PairFacts): PairScore {
  const w = s.weights;
  return {
    menteeId: t.id,
    mentorId: m.id,
    score: facts.points / 100,
    points: facts.points,
    components: s.table.map((c, i) => ({
      id: c.id,
      value: facts.values[i],
      weight: w.weights[i] / w.total,
      points: Math.round((10000 * w.weights[i] * facts.values[i]) / w.total) / 100,
      reason: c.reason(facts.measures[i], facts.stated[i], s.criteria),
    })),
  };
}
