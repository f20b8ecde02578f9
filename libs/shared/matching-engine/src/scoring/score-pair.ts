import { overlapQuarters, timeZoneGapMinutes } from '../availability';
import { COMPONENT_IDS, type ComponentId, type ProgramCriteria } from '../criteria';
import type { MenteeProfile, MentorProfile } from '../profile';
import {
  availabilityValue,
  combinePoints,
  goalsValue,
  languagesValue,
  mentorTypesValue,
  seniorityValue,
  skillsValue,
  timeZoneValue,
  weightVector,
  type WeightVector,
} from './component-values';
import { menteeFeatures, mentorFeatures, type MenteeFeatures, type MentorFeatures } from './profile-features';

export type EligibilityRule =
  | 'same-person'
  | 'reporting-line'
  | 'same-department'
  | 'program-kind'
  | 'min-overlap'
  | 'max-time-zone-gap'
  | 'must-have:skills'
  | 'must-have:goals'
  | 'must-have:mentorTypes'
  | 'must-have:languages';

export interface RuleFailure {
  rule: EligibilityRule;
  reason: string;
}

export interface ScoreComponent {
  id: ComponentId;
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

const weightCache = new WeakMap<ProgramCriteria, WeightVector>();
export function cachedWeightVector(criteria: ProgramCriteria): WeightVector {
  let w = weightCache.get(criteria);
  if (!w) weightCache.set(criteria, (w = weightVector(criteria)));
  return w;
}

const hours = (quarters: number): string => `${quarters / 4} h`;
const levels = (n: number): string => `${n} level${n === 1 ? '' : 's'}`;
const listed = (labels: string[]): string =>
  labels.length === 0 ? '' : ` (${labels.slice(0, 3).join(', ')}${labels.length > 3 ? ', …' : ''})`;

/** Facts about a pair that both the rules and the components read. */
interface PairFacts {
  metSkills: string[];
  coveredInterests: string[];
  offeredTypes: string[];
  sharedLanguages: string[];
  overlap: number;
  gap: number;
  tzGap: number;
}

function pairFacts(t: MenteeFeatures, m: MentorFeatures): PairFacts {
  const metSkills: string[] = [];
  for (const [key, want] of t.wantedSkills) {
    const offered = m.offeredSkills.get(key);
    if (offered && offered.level >= want.level) metSkills.push(want.label);
  }
  const coveredInterests = [...t.interests].filter(([key]) => m.topics.has(key)).map(([, label]) => label);
  const offeredTypes = [...t.wantedTypes].filter((type) => m.offeredTypes.has(type));
  const sharedLanguages = [...t.languages].filter(([key]) => m.languages.has(key)).map(([, label]) => label);
  return {
    metSkills,
    coveredInterests,
    offeredTypes,
    sharedLanguages,
    overlap: overlapQuarters(t.availability, m.availability),
    gap: m.seniority - t.seniority,
    tzGap: timeZoneGapMinutes(t.offsetMinutes, m.offsetMinutes),
  };
}

function ruleFailures(t: MenteeFeatures, m: MentorFeatures, f: PairFacts, c: ProgramCriteria): RuleFailure[] {
  const failures: RuleFailure[] = [];
  if (t.personId === m.personId)
    failures.push({ rule: 'same-person', reason: 'mentee and mentor are the same person' });
  if (
    c.excludeSameReportingLine &&
    (t.managerId === m.personId ||
      m.managerId === t.personId ||
      (t.managerId !== null && t.managerId === m.managerId))
  ) {
    failures.push({ rule: 'reporting-line', reason: 'same reporting line' });
  }
  if (c.excludeSameDepartment && t.department !== null && t.department === m.department) {
    failures.push({ rule: 'same-department', reason: 'same department' });
  }
  if (c.kind === 'one-to-one' && f.gap < 0) {
    failures.push({ rule: 'program-kind', reason: `mentor is ${levels(-f.gap)} junior to the mentee` });
  } else if (c.kind === 'peer' && Math.abs(f.gap) > c.peerMaxSeniorityGap) {
    failures.push({
      rule: 'program-kind',
      reason: `seniority ${levels(Math.abs(f.gap))} apart, peers may be at most ${levels(c.peerMaxSeniorityGap)} apart`,
    });
  }
  if (f.overlap < c.minWeeklyOverlapHours * 4) {
    failures.push({
      rule: 'min-overlap',
      reason: `${hours(f.overlap)} of weekly overlap, the program needs ${c.minWeeklyOverlapHours} h`,
    });
  }
  if (c.maxTimeZoneGapHours !== null && f.tzGap > c.maxTimeZoneGapHours * 60) {
    failures.push({
      rule: 'max-time-zone-gap',
      reason: `${f.tzGap / 60} h time-zone gap, the program allows ${c.maxTimeZoneGapHours} h`,
    });
  }
  for (const must of c.mustHaves) {
    const missing =
      (must === 'skills' && f.metSkills.length === 0 && 'no wanted skill at or above target level') ||
      (must === 'goals' && f.coveredInterests.length === 0 && 'no goal or topic in common') ||
      (must === 'mentorTypes' && f.offeredTypes.length === 0 && 'offers none of the wanted mentor types') ||
      (must === 'languages' && f.sharedLanguages.length === 0 && 'no shared language');
    if (missing) failures.push({ rule: `must-have:${must}`, reason: missing });
  }
  return failures;
}

/** Component values in `COMPONENT_IDS` order. */
function componentValues(t: MenteeFeatures, f: PairFacts, c: ProgramCriteria): number[] {
  return [
    skillsValue(f.metSkills.length, t.wantedSkills.size),
    goalsValue(f.coveredInterests.length, t.interests.size),
    mentorTypesValue(f.offeredTypes.length, t.wantedTypes.size),
    availabilityValue(f.overlap, c.targetWeeklyOverlapHours),
    languagesValue(f.sharedLanguages.length > 0),
    seniorityValue(c.kind, f.gap, c.peerMaxSeniorityGap),
    timeZoneValue(f.tzGap),
  ];
}

function componentReasons(t: MenteeFeatures, f: PairFacts): Record<ComponentId, string> {
  const wanted = t.wantedSkills.size;
  const stated = t.interests.size;
  const types = t.wantedTypes.size;
  return {
    skills:
      wanted === 0
        ? 'no wanted skills stated'
        : `${f.metSkills.length} of ${wanted} wanted skills at or above target level${listed(f.metSkills)}`,
    goals:
      stated === 0
        ? 'no goals or topics stated'
        : `${f.coveredInterests.length} of ${stated} goals and topics covered${listed(f.coveredInterests)}`,
    mentorTypes:
      types === 0
        ? 'no mentor type wanted'
        : `offers ${f.offeredTypes.length} of ${types} wanted mentor types${listed(f.offeredTypes)}`,
    availability: `${hours(f.overlap)} of weekly overlap`,
    languages: f.sharedLanguages.length > 0 ? `shares ${f.sharedLanguages.join(', ')}` : 'no shared language',
    seniority:
      f.gap === 0
        ? 'same seniority'
        : f.gap > 0
          ? `mentor ${levels(f.gap)} more senior`
          : `mentor ${levels(-f.gap)} junior`,
    timeZone: f.tzGap === 0 ? 'same UTC offset' : `${f.tzGap / 60} h time-zone gap`,
  };
}

/**
 * Scores one mentee-mentor pair with a reason per component, or reports every rule it fails.
 * Capacity is not a pair property and is not checked here.
 */
export function assessPair(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  criteria: ProgramCriteria,
): PairAssessment {
  const t = menteeFeatures(mentee, criteria.referenceDate);
  const m = mentorFeatures(mentor, criteria.referenceDate);
  const facts = pairFacts(t, m);
  const failures = ruleFailures(t, m, facts, criteria);
  if (failures.length > 0) return { menteeId: t.id, mentorId: m.id, eligible: false, failures };
  return { ...explain(t, m, facts, criteria), eligible: true };
}

/**
 * Points of an eligible pair, or null: the same facts, rules and values as `assessPair`, without
 * building reasons. The naive top-k reference uses it.
 */
export function pairPoints(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  criteria: ProgramCriteria,
): number | null {
  const t = menteeFeatures(mentee, criteria.referenceDate);
  const m = mentorFeatures(mentor, criteria.referenceDate);
  const facts = pairFacts(t, m);
  if (ruleFailures(t, m, facts, criteria).length > 0) return null;
  return combinePoints(componentValues(t, facts, criteria), cachedWeightVector(criteria));
}

/** The explained score of a pair, whether or not it passes the rules (coordinators may fix any pair). */
export function scorePair(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  criteria: ProgramCriteria,
): PairScore {
  const t = menteeFeatures(mentee, criteria.referenceDate);
  const m = mentorFeatures(mentor, criteria.referenceDate);
  return explain(t, m, pairFacts(t, m), criteria);
}

function explain(t: MenteeFeatures, m: MentorFeatures, facts: PairFacts, c: ProgramCriteria): PairScore {
  const w = cachedWeightVector(c);
  const values = componentValues(t, facts, c);
  const reasons = componentReasons(t, facts);
  const points = combinePoints(values, w);
  return {
    menteeId: t.id,
    mentorId: m.id,
    score: points / 100,
    points,
    components: COMPONENT_IDS.map((id, i) => ({
      id,
      value: values[i],
      weight: w.weights[i] / w.total,
      points: Math.round((10000 * w.weights[i] * values[i]) / w.total) / 100,
      reason: reasons[id],
    })),
  };
}
