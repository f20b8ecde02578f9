/** Kinds of mentoring program (DESIGN.md, Program). */
export const PROGRAM_KINDS = ['one-to-one', 'group', 'peer', 'reverse', 'flash'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** Who makes the matches: a coordinator, the mentee from suggestions, or an automatic bulk round. */
export const MATCHING_MODES = ['coordinator', 'mentee-choice', 'automatic'] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];

/** A cohort's life: `draft -> enrolling -> matching -> running -> closed`. */
export const COHORT_STATUSES = ['draft', 'enrolling', 'matching', 'running', 'closed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** Bounds of program settings the API accepts. */
export const PROGRAM_LIMITS = {
  trialDays: { min: 1, max: 180 },
  durationWeeks: { min: 1, max: 156 },
  groupSize: { min: 2, max: 30 },
} as const;
