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
  /** 400: the name typed to confirm a deletion is not the organization's (`details` names `confirmName`). */
  organizationNameMismatch: 'organization_name_mismatch',
  /** 409: restoring an organization that is not scheduled for deletion. */
  organizationNotScheduledForDeletion: 'organization_not_scheduled_for_deletion',
  /** 410: the grace period is over; the organization is being erased and cannot be restored. */
  organizationPurgeDue: 'organization_purge_due',
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
  // matching: suggestions and match requests
  /** 409: the cohort's program does not let mentees choose (matchingMode is not mentee-choice). */
  menteeChoiceOff: 'mentee_choice_off',
  /** 409: suggestions and requests need the cohort matching or running, rounds matching (`details.status`). */
  cohortNotMatching: 'cohort_not_matching',
  /** 403: only an enrolled mentee of the cohort sees suggestions and sends requests. */
  notCohortMentee: 'not_cohort_mentee',
  /** 503: the suggestion ledger (Redis) does not answer; a list is never given without the flood limit. */
  suggestionsUnavailable: 'suggestions_unavailable',
  /** 400: the mentor asked is not an enrolled mentor of the cohort (or is the mentee). */
  mentorNotInCohort: 'mentor_not_in_cohort',
  matchRequestNotFound: 'match_request_not_found',
  /** 409: the request was answered, withdrawn or expired (`details.status`). */
  matchRequestNotOpen: 'match_request_not_open',
  /** 409: the mentee has an open request to this mentor in the cohort already. */
  matchRequestDuplicate: 'match_request_duplicate',
  /** 409: the mentee has the program's number of open requests (`details.limit`). */
  openRequestLimit: 'open_request_limit',
  /** 409: accepting a request whose mentee (or mentor) left the cohort (`details.role`). */
  participantNotEnrolled: 'participant_not_enrolled',
  /** 409: this mentor declined this mentee in the cohort, or the two are matched already. */
  mentorUnavailable: 'mentor_unavailable',
  // matching: bulk rounds
  roundNotFound: 'round_not_found',
  /** 409: the cohort has a round queued or running (`details.roundId`). */
  roundInProgress: 'round_in_progress',
  /** 409: the round is not completed yet, or failed (`details.status`). */
  roundNotCompleted: 'round_not_completed',
  /** 409: the round is published: its proposals are matches now and do not change. */
  roundPublished: 'round_published',
  /** 409: since the round ran, a proposed mentee was matched or someone left the cohort: re-run it. */
  roundStale: 'round_stale',
  /** 400: a fixed or forbidden pair names someone who is not an enrolled mentee or mentor of the cohort, or contradicts another. */
  roundPairInvalid: 'round_pair_invalid',
  /** 400 (dry run) or a failed round's code: the engine refuses a round this large; split the cohort. */
  roundTooLarge: 'round_too_large',
  /** 400 (dry run) or a failed round's code: fixed pairs the engine cannot place (a mentor over capacity). */
  roundFixedPairsInvalid: 'round_fixed_pairs_invalid',
  /** 404: a personal board is its mentee's, and their coordinators' and admins'. */
  personalBoardNotFound: 'personal_board_not_found',
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
  /** 409: agreements, maps and check-ins belong to a running match (`details.status`). */
  matchNotRunning: 'match_not_running',
  /** 403: only the mentee and the mentor sign, log check-ins and write the notebook. */
  matchSideOnly: 'match_side_only',
  agreementNotFound: 'agreement_not_found',
  /** 409: the agreement changed since the version the signer read (`details.version`). */
  agreementVersionStale: 'agreement_version_stale',
  agreementAlreadySigned: 'agreement_already_signed',
  mapNotFound: 'map_not_found',
  /** 403: the map is the mentee's: their mentor and coordinators read it. */
  mapMenteeOnly: 'map_mentee_only',
  /** 409: the map changed since the version the writer read (`details.version`). */
  mapVersionStale: 'map_version_stale',
  checkInNotFound: 'check_in_not_found',
  meetingNotPlanned: 'meeting_not_planned',
  /** 409: this side answered the pulse of this period already (`details.nextDueOn`). */
  pulseAlreadyAnswered: 'pulse_already_answered',
  /** 409: the end-of-cohort survey opens when the cohort is closed (`details.status`). */
  cohortNotClosed: 'cohort_not_closed',
  /** 403: only the cohort's enrolled mentors and mentees answer its survey. */
  notCohortParticipant: 'not_cohort_participant',
  surveyAlreadyAnswered: 'survey_already_answered',
  /** 409: a match's exit survey opens once it has ended or completed (`details.status`). */
  exitSurveyNotOpen: 'exit_survey_not_open',
  exitSurveyAlreadyAnswered: 'exit_survey_already_answered',
  // notifications
  notificationNotFound: 'notification_not_found',
  /** 404: an unsubscribe link that is not one of ours (cut short, or tampered with). */
  unsubscribeLinkInvalid: 'unsubscribe_link_invalid',
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
