import { defineAuditActions } from '@mentorship/audit';

/** What the mentorships context writes to the audit log. */
export const MentorshipsAudit = defineAuditActions({
  matchCreated: 'match.created',
  /** A step of the state machine (details: action, from, to, actor; never the reason). */
  matchTransitioned: 'match.transitioned',
  /** Drafted when a trial ends well (details: version, fromTemplate). */
  agreementDrafted: 'agreement.drafted',
  /** Edited (details: version, signaturesCleared). */
  agreementEdited: 'agreement.edited',
  /** One side signed (details: version, side, signed: both now). */
  agreementSigned: 'agreement.signed',
  /** The map saved (details: version, change kinds; never its text). */
  mapSaved: 'map.saved',
  /** A meeting logged (details: heldOn, durationMinutes; never the notes). */
  checkInLogged: 'check_in.logged',
  /** A notebook entry posted (details: kind, private; never the text). */
  notebookEntryPosted: 'notebook.entry_posted',
  meetingPlanned: 'meeting.planned',
  /** Feedback given (details: what, never the answer). */
  pulseAnswered: 'feedback.pulse_answered',
  outcomeReported: 'feedback.outcome_reported',
  surveyAnswered: 'feedback.survey_answered',
  /** A side answered a match's exit survey (details: side; never the answer). */
  exitSurveyAnswered: 'feedback.exit_survey_answered',
});
