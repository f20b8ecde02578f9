import { MatchingInputError } from './matching-input.error';

/** Score components, in the fixed order in which they are summed (the order keeps scores bit-identical). */
export const COMPONENT_IDS = [
  'skills',
  'goals',
  'mentorTypes',
  'availability',
  'languages',
  'seniority',
  'timeZone',
] as const;
export type ComponentId = (typeof COMPONENT_IDS)[number];

/** Components that can be made hard filters: the pair needs at least one match on them. */
export const MUST_HAVE_IDS = ['skills', 'goals', 'mentorTypes', 'languages'] as const;
export type MustHave = (typeof MUST_HAVE_IDS)[number];

export type ProgramKind = 'one-to-one' | 'peer' | 'reverse';

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

export const DEFAULT_WEIGHTS: Readonly<Record<ComponentId, number>> = {
  skills: 30,
  goals: 20,
  mentorTypes: 10,
  availability: 15,
  languages: 10,
  seniority: 10,
  timeZone: 5,
};

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
  const criteria: ProgramCriteria = {
    ...DEFAULT_CRITERIA,
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
  if (!['one-to-one', 'peer', 'reverse'].includes(criteria.kind))
    fail(`unknown program kind "${criteria.kind}"`);
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
