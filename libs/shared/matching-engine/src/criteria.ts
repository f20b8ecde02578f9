import { MatchingInputError } from './matching-input.error';
import { PROGRAM_KIND_IDS, PROGRAM_KINDS, type ProgramKind } from './scoring/program-kinds';
import { SCORE_COMPONENTS, type ComponentId, type MustHave } from './scoring/score-components';

export {
  PROGRAM_KIND_IDS,
  programKind,
  type ProgramKind,
  type ProgramKindSpec,
} from './scoring/program-kinds';
export type { ComponentId, MustHave } from './scoring/score-components';

/** Score components, in the fixed order in which they are summed (from the component table). */
export const COMPONENT_IDS: readonly ComponentId[] = SCORE_COMPONENTS.map((c) => c.id);

/** Components that can be made hard filters: the pair needs at least one match on them. */
export const MUST_HAVE_IDS: readonly MustHave[] = SCORE_COMPONENTS.flatMap((c) =>
  'mustHave' in c ? [c.id as MustHave] : [],
);

export interface ProgramCriteria {
  kind: ProgramKind;
  /** Relative weight per component (any non-negative scale; only ratios matter). */
  weights: Readonly<Record<ComponentId, number>>;
  mustHaves: readonly MustHave[];
  /** Pairs with less common weekly time are not candidates; 0 disables the rule. */
  minWeeklyOverlapHours: number;
  /** Weekly overlap that earns the full availability component. */
  targetWeeklyOverlapHours: number;
  /** Largest allowed gap between UTC offsets, in hours; null disables the rule. */
  maxTimeZoneGapHours: number | null;
  excludeSameReportingLine: boolean;
  excludeSameDepartment: boolean;
  /** Group programs only: mentees per group; a mentor's capacity counts groups. */
  groupSize?: number;
  /** Peer programs: the largest seniority difference that still counts as peers. */
  peerMaxSeniorityGap: number;
  /**
   * Availability is converted to UTC with the offsets in force on this date (YYYY-MM-DD). A fixed
   * reference week makes the conversion deterministic across daylight-saving changes.
   */
  referenceDate: string;
}

export type ProgramCriteriaInput = Partial<Omit<ProgramCriteria, 'weights'>> & {
  weights?: Partial<Record<ComponentId, number>>;
};

export const DEFAULT_WEIGHTS: Readonly<Record<ComponentId, number>> = Object.fromEntries(
  SCORE_COMPONENTS.map((c) => [c.id, c.defaultWeight]),
) as Record<ComponentId, number>;

export const DEFAULT_CRITERIA: ProgramCriteria = {
  kind: 'one-to-one',
  weights: DEFAULT_WEIGHTS,
  mustHaves: ['languages'],
  minWeeklyOverlapHours: 0,
  targetWeeklyOverlapHours: 2,
  maxTimeZoneGapHours: null,
  excludeSameReportingLine: true,
  excludeSameDepartment: false,
  peerMaxSeniorityGap: 1,
  referenceDate: '2024-01-15',
};

/** Fills defaults and rejects criteria that would make scores meaningless. */
export function resolveCriteria(input: ProgramCriteriaInput = {}): ProgramCriteria {
  const kind = PROGRAM_KINDS[input.kind ?? DEFAULT_CRITERIA.kind] as
    (typeof PROGRAM_KINDS)[ProgramKind] | undefined;
  const criteria: ProgramCriteria = {
    ...DEFAULT_CRITERIA,
    ...kind?.defaults,
    ...input,
    weights: { ...DEFAULT_WEIGHTS, ...(input.weights ?? {}) },
    mustHaves: [...new Set(input.mustHaves ?? DEFAULT_CRITERIA.mustHaves)],
  };
  const fail = (message: string): never => {
    throw new MatchingInputError('invalid-criteria', message);
  };
  let total = 0;
  for (const id of COMPONENT_IDS) {
    const w = criteria.weights[id];
    if (!Number.isFinite(w) || w < 0) fail(`weight of ${id} must be a finite number >= 0`);
    total += w;
  }
  if (total <= 0) fail('at least one component weight must be positive');
  for (const m of criteria.mustHaves) {
    if (!(MUST_HAVE_IDS as readonly string[]).includes(m)) fail(`unknown must-have "${m}"`);
  }
  if (!kind) fail(`unknown program kind "${criteria.kind}", expected one of ${PROGRAM_KIND_IDS.join(', ')}`);
  if (criteria.kind === 'group') {
    if (!Number.isInteger(criteria.groupSize) || (criteria.groupSize ?? 0) < 2)
      fail('group programs need groupSize, an integer >= 2');
  } else if (criteria.groupSize !== undefined && criteria.groupSize !== null) {
    fail(`groupSize is only for group programs, not ${criteria.kind}`);
  } else {
    delete criteria.groupSize;
  }
  if (!(criteria.minWeeklyOverlapHours >= 0)) fail('minWeeklyOverlapHours must be >= 0');
  if (!(criteria.targetWeeklyOverlapHours > 0)) fail('targetWeeklyOverlapHours must be > 0');
  if (criteria.maxTimeZoneGapHours !== null && !(criteria.maxTimeZoneGapHours >= 0)) {
    fail('maxTimeZoneGapHours must be >= 0 or null');
  }
  if (!(criteria.peerMaxSeniorityGap >= 0)) fail('peerMaxSeniorityGap must be >= 0');
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(criteria.referenceDate) ||
    Number.isNaN(Date.parse(criteria.referenceDate))
  ) {
    fail('referenceDate must be YYYY-MM-DD');
  }
  return criteria;
}
