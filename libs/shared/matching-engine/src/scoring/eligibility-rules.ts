/*
 * The program rules a pair must pass to be a candidate, written once. The explaining scorer
 * (`assessPair`) and `MentorIndex` both call `fails` with the same inputs: the mentee's features,
 * the mentor's identity (read from the profile, or from the index's columns) and, for a rule that
 * reads a component, that component's amount. Must-have rules come from the component table.
 */
import type { ProgramCriteria } from '../criteria';
import { programKind } from './program-kinds';
import type { ComponentTable, MustHave } from './score-components';

export type EligibilityRule =
  | 'same-person'
  | 'reporting-line'
  | 'same-department'
  | 'program-kind'
  | 'min-overlap'
  | 'max-time-zone-gap'
  | `must-have:${MustHave}`;

/**
 * Either side of the identity rules. The rules only compare keys with `===`, so the index may pass
 * interned numbers instead of the strings (same equalities, no string comparison per mentor).
 */
export interface Identity {
  personId: string | number;
  managerId: string | number | null;
  department: string | number | null;
  seniority: number;
}

export interface RuleFailure {
  rule: EligibilityRule;
  reason: string;
}

export interface EligibilityRuleSpec {
  readonly id: string;
  /** The component whose amount the rule checks (null: the rule reads identities only). */
  readonly reads: string | null;
  /**
   * Wherever it applies, the rule refuses every pair whose amount is 0, whoever the two are (a
   * must-have, a minimum overlap): the index then considers only the component's support.
   */
  readonly refusesZero: boolean;
  applies(criteria: ProgramCriteria): boolean;
  fails(mentee: Identity, mentor: Identity, amount: number, criteria: ProgramCriteria): boolean;
  reason(mentee: Identity, mentor: Identity, amount: number, criteria: ProgramCriteria): string;
}

const FIXED_RULES: readonly EligibilityRuleSpec[] = [
  {
    id: 'same-person',
    reads: null,
    refusesZero: false,
    applies: () => true,
    fails: (t, m) => t.personId === m.personId,
    reason: () => 'mentee and mentor are the same person',
  },
  {
    id: 'reporting-line',
    reads: null,
    refusesZero: false,
    applies: (c) => c.excludeSameReportingLine,
    // One is the other's manager, or both have the same manager.
    fails: (t, m) =>
      t.managerId === m.personId ||
      m.managerId === t.personId ||
      (t.managerId !== null && t.managerId === m.managerId),
    reason: () => 'same reporting line',
  },
  {
    id: 'same-department',
    reads: null,
    refusesZero: false,
    applies: (c) => c.excludeSameDepartment,
    fails: (t, m) => t.department !== null && t.department === m.department,
    reason: () => 'same department',
  },
  {
    id: 'program-kind',
    reads: null,
    refusesZero: false,
    applies: () => true,
    fails: (t, m, _amount, c) =>
      !programKind(c.kind).allowsGap(m.seniority - t.seniority, c.peerMaxSeniorityGap),
    reason: (t, m, _amount, c) =>
      programKind(c.kind).refusal(m.seniority - t.seniority, c.peerMaxSeniorityGap),
  },
  {
    id: 'min-overlap',
    reads: 'availability',
    // applies only with a positive minimum, which 0 quarters never reach
    refusesZero: true,
    applies: (c) => c.minWeeklyOverlapHours > 0,
    fails: (_t, _m, quarters, c) => quarters < c.minWeeklyOverlapHours * 4,
    reason: (_t, _m, quarters, c) =>
      `${quarters / 4} h of weekly overlap, the program needs ${c.minWeeklyOverlapHours} h`,
  },
  {
    id: 'max-time-zone-gap',
    reads: 'timeZone',
    refusesZero: false,
    applies: (c) => c.maxTimeZoneGapHours !== null,
    fails: (_t, _m, minutes, c) => minutes > (c.maxTimeZoneGapHours ?? Infinity) * 60,
    reason: (_t, _m, minutes, c) =>
      `${minutes / 60} h time-zone gap, the program allows ${c.maxTimeZoneGapHours} h`,
  },
];

/** A rule bound to one criteria and table: `position` is where its component sits in the table. */
export interface BoundRule {
  spec: EligibilityRuleSpec;
  /** Position of the component the rule reads, -1 for none. */
  position: number;
}

/**
 * The rules that apply under `criteria`, in the order failures are reported: the fixed rules, then
 * the must-haves in the order the criteria list them.
 */
export function applicableRules(table: ComponentTable, criteria: ProgramCriteria): BoundRule[] {
  const positionOf = (id: string | null): number => {
    if (id === null) return -1;
    const at = table.findIndex((c) => c.id === id);
    if (at === -1) throw new Error(`rule reads component "${id}", which is not in the table`);
    return at;
  };
  const bound = FIXED_RULES.filter((r) => r.applies(criteria)).map((spec) => ({
    spec,
    position: positionOf(spec.reads),
  }));
  for (const id of criteria.mustHaves as readonly string[]) {
    const component = table.find((c) => c.id === id);
    const missing = component?.mustHave;
    if (missing === undefined) continue;
    bound.push({
      spec: {
        id: `must-have:${id}`,
        reads: id,
        refusesZero: true,
        applies: () => true,
        fails: (_t, _m, amount) => amount === 0,
        reason: () => missing,
      },
      position: positionOf(id),
    });
  }
  return bound;
}

/** Every rule the pair fails, in order. `amounts` are the pair's component amounts in table order. */
export function ruleFailures(
  rules: readonly BoundRule[],
  mentee: Identity,
  mentor: Identity,
  amounts: ArrayLike<number>,
  criteria: ProgramCriteria,
): RuleFailure[] {
  const failures: RuleFailure[] = [];
  for (const { spec, position } of rules) {
    const amount = position === -1 ? 0 : amounts[position];
    if (spec.fails(mentee, mentor, amount, criteria)) {
      failures.push({
        rule: spec.id as EligibilityRule,
        reason: spec.reason(mentee, mentor, amount, criteria),
      });
    }
  }
  return failures;
}
