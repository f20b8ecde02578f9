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
  static mentorNotInCohort(field: string) {
    const problems: FieldProblem[] = [{ field, problems: ['is not an enrolled mentor of this cohort'] }];
    return new MatchingException(
      'invalid',
      'mentor_not_in_cohort',
      'That person is not an enrolled mentor of this cohort.',
      problems,
    );
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
}
