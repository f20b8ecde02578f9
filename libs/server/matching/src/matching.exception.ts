import type { CohortStatus, FieldProblem, MatchRequestStatus } from '@mentorship/contracts';
import { DomainException } from '@mentorship/platform';

/** The matching context's errors: one static per stable error code. */
export class MatchingException extends DomainException {
  // suggestions and match requests
  static menteeChoiceOff() {
    return new MatchingException(
      'conflict',
      'mentee_choice_off',
      'In this cohort’s program a coordinator or a matching round makes the matches, not the mentees.',
    );
  }
  static cohortNotMatching(status: CohortStatus) {
    return new MatchingException(
      'conflict',
      'cohort_not_matching',
      `Mentees choose mentors while a cohort is matching or running; this one is ${status}.`,
      { status },
    );
  }
  static notCohortMentee() {
    return new MatchingException(
      'forbidden',
      'not_cohort_mentee',
      'Only an enrolled mentee of the cohort sees its mentor suggestions and sends requests.',
    );
  }
  /** 503: the flood ledger (Redis) did not answer; no list goes out without the flood limit. */
  static suggestionsUnavailable() {
    return new MatchingException(
      'unavailable',
      'suggestions_unavailable',
      'Suggestions are unavailable for a moment; try again shortly.',
    );
  }
  static mentorNotInCohort(field: string) {
    const problems: FieldProblem[] = [{ field, problems: ['is not an enrolled mentor of this cohort'] }];
    return new MatchingException(
      'invalid',
      'mentor_not_in_cohort',
      'That person is not an enrolled mentor of this cohort.',
      problems,
    );
  }
  /** 404: the board is the mentee's own, and their coordinators' and admins'. */
  static personalBoardNotFound() {
    return new MatchingException('not_found', 'personal_board_not_found', 'No such personal board.');
  }
  static requestNotFound() {
    return new MatchingException('not_found', 'match_request_not_found', 'No such match request.');
  }
  static requestNotOpen(status: MatchRequestStatus) {
    return new MatchingException(
      'conflict',
      'match_request_not_open',
      `The request is ${status}: it can no longer be answered or withdrawn.`,
      { status },
    );
  }
  static requestDuplicate(requestId: string) {
    return new MatchingException(
      'conflict',
      'match_request_duplicate',
      'You have an open request to this mentor in the cohort already.',
      { requestId },
    );
  }
  static openRequestLimit(limit: number) {
    return new MatchingException(
      'conflict',
      'open_request_limit',
      `You have ${limit} open requests, the most this program allows; withdraw one or wait for an answer.`,
      { limit },
    );
  }
  static mentorUnavailable(why: 'declined' | 'matched') {
    return new MatchingException(
      'conflict',
      'mentor_unavailable',
      why === 'declined'
        ? 'This mentor declined your request in this cohort.'
        : 'You and this mentor are matched in this cohort already.',
      { why },
    );
  }
  /** 409: the request's mentee (or mentor) is no longer enrolled in the cohort. */
  static participantLeft(role: 'mentor' | 'mentee') {
    return new MatchingException(
      'conflict',
      'participant_not_enrolled',
      `The request's ${role} is no longer enrolled in the cohort.`,
      { role },
    );
  }
  /** The same code mentorships answers when an accept finds no place: a client handles one. */
  static mentorFull(mentorUserId: string) {
    return new MatchingException('conflict', 'mentor_at_capacity', 'The mentor has no free place.', {
      mentorUserId,
    });
  }
  static cohortNotFound() {
    return new MatchingException('not_found', 'cohort_not_found', 'No such cohort.');
  }
  static roundNotFound() {
    return new MatchingException('not_found', 'round_not_found', 'No such matching round.');
  }
  /** 409: rounds run for a cohort in status `matching` only. */
  static roundCohortNotMatching(status: string) {
    return new MatchingException(
      'conflict',
      'cohort_not_matching',
      `Matching rounds run for a cohort in status "matching"; this one is "${status}".`,
      { status },
    );
  }
  /** 409: one round of a cohort at a time. */
  static roundInProgress(roundId: string | null) {
    return new MatchingException(
      'conflict',
      'round_in_progress',
      'A round of this cohort is queued or running: wait for it to finish.',
      { roundId },
    );
  }
  static roundNotCompleted(status: string) {
    return new MatchingException(
      'conflict',
      'round_not_completed',
      `The round is ${status}: only a completed round can be reviewed further or published.`,
      { status },
    );
  }
  static roundPublished() {
    return new MatchingException(
      'conflict',
      'round_published',
      'The round is published: its proposals are matches now and do not change. Start a new round instead.',
    );
  }
  /** 409: people of some proposals were matched elsewhere or left the cohort since the round ran. */
  static roundStale(proposals: number) {
    return new MatchingException(
      'conflict',
      'round_stale',
      `${proposals} proposals name a mentee matched since the round ran or someone who left the cohort: re-run the round.`,
      { proposals },
    );
  }
  static pairInvalid(problems: FieldProblem[]) {
    return new MatchingException(
      'invalid',
      'round_pair_invalid',
      'Some pairs cannot be fixed or forbidden in this round.',
      problems,
    );
  }
  /** The engine's refusal of a dry run, in words (`round_too_large`, `round_fixed_pairs_invalid`). */
  static refused(code: string, message: string) {
    return new MatchingException('invalid', code, message);
  }
  static invalidCriteria(message: string) {
    return new MatchingException('invalid', 'invalid_criteria', message);
  }
}
