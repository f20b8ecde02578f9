/**
 * A bulk matching round's life: queued (the job is in the outbox or the queue), running (a worker
 * loads, scores, solves, saves), completed (draft proposals to review), failed (the reason is on
 * the round), published (its proposals became matches; nothing of it changes any more).
 */
export const ROUND_STATUSES = ['queued', 'running', 'completed', 'failed', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** The statuses in which a round holds its cohort: a second round of the cohort waits for it. */
export const ROUND_STATUSES_IN_PROGRESS = ['queued', 'running'] as const satisfies readonly RoundStatus[];

/** What a running round is doing, in order; the admin app's progress bar names it. */
export const ROUND_PHASES = ['loading-profiles', 'scoring', 'solving', 'saving'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/** Best total score, or as many people matched as possible and then the best score. */
export const ROUND_OBJECTIVES = ['max-score', 'max-matched-then-score'] as const;
export type RoundObjective = (typeof ROUND_OBJECTIVES)[number];

/** Exact (the optimum of the objective) or stable (nobody would rather swap: no blocking pair). */
export const ROUND_MODES = ['exact', 'stable'] as const;
export type RoundMode = (typeof ROUND_MODES)[number];

/** Why a mentee is left without a mentor (the engine's words). */
export const UNMATCHED_REASONS = [
  'no-eligible-mentor',
  'all-candidates-forbidden',
  'all-candidates-full',
] as const;
export type UnmatchedReasonCode = (typeof UNMATCHED_REASONS)[number];

/** Bounds on what a coordinator decides per re-run. */
export const ROUND_LIMITS = {
  /** Fixed, forbidden or released pairs in one request. */
  pairsPerRequest: 500,
  /** The proposals table's name search. */
  searchLength: 100,
} as const;
