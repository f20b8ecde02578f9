import type { FieldProblem, MatchAction, MatchActor, MatchStatus } from '@mentorship/contracts';
import { DomainException } from '@mentorship/platform';

export class MentorshipsException extends DomainException {
  static matchNotFound() {
    return new MentorshipsException('not_found', 'match_not_found', 'No such match.');
  }
  /** 409: every place of the mentor is taken (details: the mentor, their places and load). */
  static mentorAtCapacity(mentorUserId: string, places: number, load: number) {
    return new MentorshipsException(
      'conflict',
      'mentor_at_capacity',
      `The mentor has no free place: ${load} of ${places} taken.`,
      { mentorUserId, places, load },
    );
  }
  /** 409: the pair has an open match in this cohort already. */
  static pairAlreadyMatched(mentorUserId: string, menteeUserId: string) {
    return new MentorshipsException(
      'conflict',
      'pair_already_matched',
      'This mentor and mentee have an open match in the cohort already.',
      { mentorUserId, menteeUserId },
    );
  }
  /** 409: the action is not open from the match's status; `allowed` are the ones that are. */
  static actionNotAllowed(status: MatchStatus, action: MatchAction, allowed: readonly MatchAction[]) {
    const next = allowed.length > 0 ? `from ${status}: ${allowed.join(', ')}` : `${status} is final`;
    return new MentorshipsException(
      'conflict',
      'match_action_not_allowed',
      `A match cannot be "${action}" while ${status}; the actions open ${next}.`,
      { status, action, allowed },
    );
  }
  /** 403: the action is open from this status, to other sides of the match. */
  static actionForbidden(action: MatchAction, actors: readonly MatchActor[]) {
    return new MentorshipsException(
      'forbidden',
      'match_action_forbidden',
      `Only the ${actors.filter((a) => a !== 'system').join(' or ')} can "${action}" this match.`,
      { action, roles: actors.filter((a) => a !== 'system') },
    );
  }
  static reasonRequired(action: MatchAction) {
    return new MentorshipsException('invalid', 'match_reason_required', `"${action}" needs a reason.`, {
      action,
    });
  }
  /** 409: answers and trial deadlines need a match in trial. */
  static trialNotRunning(status: MatchStatus) {
    return new MentorshipsException(
      'conflict',
      'trial_not_running',
      `The match is ${status}, not in its trial.`,
      { status },
    );
  }
  static trialAlreadyAnswered() {
    return new MentorshipsException(
      'conflict',
      'trial_already_answered',
      'This side has answered already; the first answer stands.',
    );
  }
  /** 403: only the mentee and the mentor answer; a coordinator decides with `confirm` or `end_trial`. */
  static trialAnswerNotASide() {
    return new MentorshipsException(
      'forbidden',
      'trial_answer_not_a_side',
      'Only the mentee and the mentor answer "continue?"; a coordinator decides with confirm or end_trial.',
    );
  }
  /** 409: agreements, maps and check-ins belong to a running match. */
  static matchNotRunning(status: MatchStatus, statuses: readonly MatchStatus[]) {
    return new MentorshipsException(
      'conflict',
      'match_not_running',
      `The match is ${status}; this needs it ${statuses.join(' or ')}.`,
      { status, allowed: statuses },
    );
  }
  /** 403: what only the two people of the match do (sign, log a check-in, write the notebook). */
  static sideOnly() {
    return new MentorshipsException(
      'forbidden',
      'match_side_only',
      'Only the mentee and the mentor of the match can do this.',
    );
  }
  static agreementNotFound() {
    return new MentorshipsException('not_found', 'agreement_not_found', 'The match has no agreement yet.');
  }
  /** 409: the agreement changed since the version the caller read. */
  static agreementVersionStale(version: number) {
    return new MentorshipsException(
      'conflict',
      'agreement_version_stale',
      `The agreement is at version ${version} now: read it again before signing or editing.`,
      { version },
    );
  }
  static agreementAlreadySigned() {
    return new MentorshipsException(
      'conflict',
      'agreement_already_signed',
      'This side has signed this version already.',
    );
  }
  static mapNotFound() {
    return new MentorshipsException('not_found', 'map_not_found', 'The mentee has not started a map yet.');
  }
  /** 403: the map is the mentee's plan; the mentor and coordinators read it. */
  static mapMenteeOnly() {
    return new MentorshipsException(
      'forbidden',
      'map_mentee_only',
      'The map is the mentee’s: their mentor and coordinators read it.',
    );
  }
  static mapVersionStale(version: number) {
    return new MentorshipsException(
      'conflict',
      'map_version_stale',
      `The map is at version ${version} now: read it again before saving.`,
      { version },
    );
  }
  static checkInNotFound() {
    return new MentorshipsException('not_found', 'check_in_not_found', 'No such check-in.');
  }
  static meetingNotPlanned() {
    return new MentorshipsException('not_found', 'meeting_not_planned', 'No next meeting is planned.');
  }
  /** 400 naming the fields, for what only the service can judge (a member, a milestone). */
  static invalidFields(problems: FieldProblem[]) {
    return new MentorshipsException('invalid', 'validation_failed', 'The request is not valid.', problems);
  }
  /** 409: the exit survey opens once the match has ended or completed. */
  static exitSurveyNotOpen(status: MatchStatus) {
    return new MentorshipsException(
      'conflict',
      'exit_survey_not_open',
      `The exit survey opens when the mentorship has ended or completed; it is ${status}.`,
      { status },
    );
  }
  static exitSurveyAlreadyAnswered() {
    return new MentorshipsException(
      'conflict',
      'exit_survey_already_answered',
      'You have answered this exit survey already.',
    );
  }
  static pulseAlreadyAnswered(nextPeriodOn: string) {
    return new MentorshipsException(
      'conflict',
      'pulse_already_answered',
      `This side answered this period's pulse already; the next opens on ${nextPeriodOn}.`,
      { nextPeriodOn },
    );
  }
  static cohortNotClosed(status: string) {
    return new MentorshipsException(
      'conflict',
      'cohort_not_closed',
      `The end-of-cohort survey opens when the cohort is closed; it is ${status}.`,
      { status },
    );
  }
  static notCohortParticipant() {
    return new MentorshipsException(
      'forbidden',
      'not_cohort_participant',
      "Only the cohort's enrolled mentors and mentees answer its survey.",
    );
  }
  static surveyAlreadyAnswered() {
    return new MentorshipsException(
      'conflict',
      'survey_already_answered',
      'You answered this survey already.',
    );
  }
}
