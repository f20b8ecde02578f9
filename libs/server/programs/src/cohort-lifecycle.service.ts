import type { CohortStatus } from '@mentorship/contracts';

/**
 * The cohort's status machine: `draft -> enrolling -> matching -> running -> closed`. Matching
 * can reopen enrollment (mentor places are missing); a cohort that never ran can be closed.
 * Pure rules, no state to inject.
 */
export const COHORT_TRANSITIONS: Readonly<Record<CohortStatus, readonly CohortStatus[]>> = {
  draft: ['enrolling', 'closed'],
  enrolling: ['matching', 'closed'],
  matching: ['enrolling', 'running', 'closed'],
  running: ['closed'],
  closed: [],
};

export function allowedTransitions(from: CohortStatus): readonly CohortStatus[] {
  return COHORT_TRANSITIONS[from];
}

export function canTransition(from: CohortStatus, to: CohortStatus): boolean {
  return COHORT_TRANSITIONS[from].includes(to);
}

/** Leaving draft freezes the program's settings into the cohort: later program edits leave it alone. */
export function freezesSettings(from: CohortStatus, to: CohortStatus): boolean {
  return from === 'draft' && to !== 'closed';
}
