/**
 * The stable `code` of the API's error bodies that clients act on. Clients compare against
 * these names, never against string literals of their own, so a renamed code is one edit.
 */
export const ERROR_CODES = {
  /** 400: `details` lists `{ field, problems[] }` per invalid request field. */
  validationFailed: 'validation_failed',
  malformedJson: 'malformed_json',
  payloadTooLarge: 'payload_too_large',
  notFound: 'not_found',
  // identity
  emailTaken: 'email_taken',
  invalidCredentials: 'invalid_credentials',
  tooManyAttempts: 'too_many_attempts',
  invalidRefreshToken: 'invalid_refresh_token',
  /** 403: the refresh cookie sent from a page of another origin. */
  crossSiteRefresh: 'cross_site_refresh',
  unauthenticated: 'unauthenticated',
  /** 410: the password-reset link is unknown, used or expired. */
  invalidResetToken: 'invalid_reset_token',
  /** 400: a password change with the wrong current password. */
  wrongPassword: 'wrong_password',
  // organizations
  organizationNotFound: 'organization_not_found',
  forbiddenRole: 'forbidden_role',
  /** 403: the caller may invite, but not with one of these roles (`details.grantableRoles`). */
  roleNotGrantable: 'role_not_grantable',
  memberNotFound: 'member_not_found',
  lastAdmin: 'last_admin',
  alreadyMember: 'already_member',
  invitationPending: 'invitation_pending',
  invitationNotFound: 'invitation_not_found',
  invitationExpired: 'invitation_expired',
  invitationNotPending: 'invitation_not_pending',
  // people
  skillNameTaken: 'skill_name_taken',
  // mentorships
  /** 409: every place of the mentor is taken (`details`: mentorUserId, places, load). */
  mentorAtCapacity: 'mentor_at_capacity',
  pairAlreadyMatched: 'pair_already_matched',
  matchNotFound: 'match_not_found',
  /** 409: the action cannot be taken from the match's status (`details`: status, action, allowed). */
  matchActionNotAllowed: 'match_action_not_allowed',
  /** 403: the action is open from this status, but not to the caller's side (`details.roles`). */
  matchActionForbidden: 'match_action_forbidden',
  /** 400: declining or ending a match needs a reason. */
  matchReasonRequired: 'match_reason_required',
  /** 409: a trial answer for a match not in its trial (`details.status`). */
  trialNotRunning: 'trial_not_running',
  trialAlreadyAnswered: 'trial_already_answered',
  /** 403: coordinators decide a trial with the `confirm` or `end_trial` action instead. */
  trialAnswerNotASide: 'trial_answer_not_a_side',
  // programs
  programNameTaken: 'program_name_taken',
  cohortNameTaken: 'cohort_name_taken',
  /** 400: the matching engine refused the criteria; the message is the engine's. */
  invalidCriteria: 'invalid_criteria',
  /** 400: a CSV file with bad lines; `details` lists every line with its reasons. */
  csvRowsRejected: 'csv_rows_rejected',
  csvMalformed: 'csv_malformed',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** One entry of a `validation_failed` body's `details`. */
export interface FieldProblem {
  field: string;
  problems: string[];
}
