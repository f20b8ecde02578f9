/**
 * What can be done to a match (issue 9): each action moves it from some statuses to one, and
 * is open to some sides of it. The rules themselves are the mentorships context's table
 * (`MATCH_TRANSITIONS`, DEVELOPMENT.md "Match state machine"); clients read a match's
 * `allowedActions` rather than repeat them.
 */
export const MATCH_ACTIONS = [
  'approve',
  'reject',
  'accept',
  'decline',
  'withdraw',
  'leave_trial',
  'confirm',
  'end_trial',
  'complete',
  'end',
] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/**
 * Who acts on a match: its mentee, its mentor, a coordinator (or admin) of the organization,
 * or the system (a deadline of the trial or the cohort; never over HTTP).
 */
export const MATCH_ACTORS = ['mentee', 'mentor', 'coordinator', 'system'] as const;
export type MatchActor = (typeof MATCH_ACTORS)[number];

/** A milestone's stage on the mentorship map (issue 9.4). */
export const MAP_STAGES = ['discovery', 'practice', 'feedback', 'mastery'] as const;
export type MapStage = (typeof MAP_STAGES)[number];

/** How far the mentee takes part in their community. */
export const COMMUNITY_LEVELS = ['participant', 'contributor', 'leader'] as const;
export type CommunityLevel = (typeof COMMUNITY_LEVELS)[number];

/** Who helps with a milestone. */
export const MAP_HELPER_KINDS = ['mentor', 'sponsor', 'peer'] as const;
export type MapHelperKind = (typeof MAP_HELPER_KINDS)[number];

/**
 * What the map warns about: a milestone with no measure of done or no due date, performance
 * milestones without a community one, fewer than the three suggested milestones, a milestone
 * missed twice, a review that is due.
 */
export const MAP_FLAGS = [
  'milestone_without_measure',
  'milestone_without_due_date',
  'no_community_milestone',
  'fewer_than_three_milestones',
  'milestone_missed_twice',
  'review_due',
] as const;
export type MapFlag = (typeof MAP_FLAGS)[number];

/** The usual causes of a milestone missed twice, offered as prompts to adjust it. */
export const MISSED_MILESTONE_CAUSES = ['too_ambitious', 'support_lacking', 'goal_changed'] as const;
export type MissedMilestoneCause = (typeof MISSED_MILESTONE_CAUSES)[number];

/** What a notebook entry is. */
export const NOTEBOOK_ENTRY_KINDS = ['reflection', 'question', 'result'] as const;
export type NotebookEntryKind = (typeof NOTEBOOK_ENTRY_KINDS)[number];

/**
 * Why a pair is on the coordinator's "needs attention" list (issue 9, point 9): a trial ending
 * soon (or ended and still undecided), a declined trial whose mentee waits for a new match, a
 * running pair with no check-in for twice the program's cadence, a milestone past its due date
 * and not done.
 */
export const NEEDS_ATTENTION_KINDS = [
  'trial_ending',
  'rematch_waiting',
  'no_check_in',
  'milestone_missed',
] as const;
export type NeedsAttentionKind = (typeof NEEDS_ATTENTION_KINDS)[number];

/** How many days ahead the list looks for trials ending (`trialEndingWithinDays`). */
export const TRIAL_ENDING_WITHIN_DAYS = { min: 0, max: 90, default: 7 } as const;

/**
 * Why a match ended early or was closed (issue 9, point 8): the codes the mentee, the mentor or a
 * coordinator choose when ending (`end`, with an optional note), and two the system gives:
 * `member_left` (one of the two left the organization) and `cohort_ended` (a proposal or a
 * pending match still open at the cohort's end).
 */
export const MATCH_END_REASONS = [
  'goals_met',
  'no_time',
  'not_a_fit',
  'role_change',
  'other',
  'member_left',
  'cohort_ended',
] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];
/** The end reasons a person may give; the rest are the system's. */
export const CHOSEN_END_REASONS = ['goals_met', 'no_time', 'not_a_fit', 'role_change', 'other'] as const;

/**
 * A match's phase (issue 9, point 8), counted in months from its start (its first step into trial
 * or active): initiation in months 1–3, development in 4–12, maturation after.
 */
export const MATCH_PHASES = ['initiation', 'development', 'maturation'] as const;
export type MatchPhase = (typeof MATCH_PHASES)[number];

/** The exit survey's rating, 1 (poor) to 5 (excellent). */
export const EXIT_SURVEY_RATING = { min: 1, max: 5 } as const;
