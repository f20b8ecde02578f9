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
