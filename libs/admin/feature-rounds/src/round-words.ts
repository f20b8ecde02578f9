import type {
  RoundMode,
  RoundObjective,
  RoundPhase,
  RoundStatus,
  UnmatchedReasonCode,
} from '@mentorship/contracts';

/** A round's settings and states in the words coordinators use; the API's names stay in the code. */
export const OBJECTIVE_WORDS: Record<RoundObjective, { label: string; hint: string }> = {
  'max-score': {
    label: 'Best total score',
    hint: 'The pairs that fit best overall, even if a few more mentees stay unmatched.',
  },
  'max-matched-then-score': {
    label: 'Most mentees matched first',
    hint: 'As many mentees as possible get a mentor; among those pairings, the best fit.',
  },
};

export const MODE_WORDS: Record<RoundMode, { label: string; hint: string }> = {
  exact: { label: 'Exact', hint: 'The best possible result for the goal above.' },
  stable: {
    label: 'Stable',
    hint: 'No mentee and mentor would both rather be paired with each other than as proposed.',
  },
};

export const PHASE_WORDS: Record<RoundPhase, string> = {
  'loading-profiles': 'Loading profiles',
  scoring: 'Scoring every pair',
  solving: 'Finding the best pairing',
  saving: 'Saving the proposals',
};

export const STATUS_WORDS: Record<RoundStatus, string> = {
  queued: 'Waiting for a worker',
  running: 'Running',
  completed: 'Draft: review and publish',
  failed: 'Failed',
  published: 'Published',
};

export const UNMATCHED_WORDS: Record<UnmatchedReasonCode, string> = {
  'no-eligible-mentor': 'No mentor passes the program’s rules',
  'all-candidates-forbidden': 'Every suitable mentor is forbidden',
  'all-candidates-full': 'Every suitable mentor is full',
};

/** A score out of 100 as people read it. */
export function scoreText(score: number): string {
  return `${Math.round(score)}`;
}

/** A total of scores, one decimal. */
export function totalText(total: number | null | undefined): string {
  return total === null || total === undefined ? '–' : total.toFixed(1);
}
