/** Kinds of mentoring program (DESIGN.md, Program). */
export const PROGRAM_KINDS = ['one-to-one', 'group', 'peer', 'reverse', 'flash'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** Who makes the matches: a coordinator, the mentee from suggestions, or an automatic bulk round. */
export const MATCHING_MODES = ['coordinator', 'mentee-choice', 'automatic'] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];

/** What a trial comes to when a side has not answered "continue?" within the grace period. */
export const TRIAL_NO_ANSWER_OUTCOMES = ['continue', 'end'] as const;
export type TrialNoAnswerOutcome = (typeof TRIAL_NO_ANSWER_OUTCOMES)[number];

/** A cohort's life: `draft -> enrolling -> matching -> running -> closed`. */
export const COHORT_STATUSES = ['draft', 'enrolling', 'matching', 'running', 'closed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** Bounds of program settings the API accepts. */
export const PROGRAM_LIMITS = {
  trialDays: { min: 1, max: 180 },
  /** Days between two pulse surveys of a match. */
  pulseIntervalDays: { min: 7, max: 90 },
  /**
   * Days without a check-in after which a pair counts as quiet: the one rule behind the pair's
   * nudge, the coordinator's alert and the "needs attention" list.
   */
  quietDays: { min: 7, max: 90, default: 21 },
  /** Reminder kinds a program may turn off at once (the product declares far fewer). */
  disabledNotificationKinds: { max: 50 },
  durationWeeks: { min: 1, max: 156 },
  groupSize: { min: 2, max: 30 },
  /** Mentee-choice programs: a mentor is shown to at most free places x this many mentees at once. */
  suggestionFloodFactor: { min: 1, max: 10 },
  /** Days a match request waits for the mentor's answer before it expires. */
  requestExpiryDays: { min: 1, max: 60 },
  /** Requests a mentee may have open at once in a cohort. */
  maxOpenRequestsPerMentee: { min: 1, max: 10 },
} as const;

/** The part a person takes in one cohort; they may take the other part in another cohort. */
export const PARTICIPANT_ROLES = ['mentor', 'mentee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * invited (by a coordinator or an import; the person accepts or declines), applied (the person
 * asked; a coordinator approves or rejects), enrolled, and the ends: declined, rejected, withdrawn.
 */
export const PARTICIPANT_STATUSES = [
  'invited',
  'applied',
  'enrolled',
  'declined',
  'rejected',
  'withdrawn',
] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const PARTICIPANT_SOURCES = ['invitation', 'application', 'import'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

/**
 * A participant import: validated (every row checked, nothing written yet), then the coordinator
 * commits it (queued and importing for large files, as a job) or discards it. All valid rows are
 * imported, or none (failed, with the reason).
 */
export const IMPORT_STATUSES = [
  'validated',
  'queued',
  'importing',
  'completed',
  'failed',
  'discarded',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * A match's life (DESIGN.md, Match): `proposed -> pending -> trial -> active -> completed`, with
 * the exits `declined`, `trial_declined` and `ended`. The mentorships context owns the rules.
 */
export const MATCH_STATUSES = [
  'proposed',
  'pending',
  'trial',
  'active',
  'completed',
  'declined',
  'trial_declined',
  'ended',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** The statuses in which a match takes one of its mentor's places. */
export const MATCH_STATUSES_HOLDING_A_PLACE = [
  'pending',
  'trial',
  'active',
] as const satisfies readonly MatchStatus[];

/** How a match came about: a mentee's accepted request, a published round, or a coordinator. */
export const MATCH_ORIGINS = ['request', 'round', 'coordinator'] as const;
export type MatchOrigin = (typeof MATCH_ORIGINS)[number];
