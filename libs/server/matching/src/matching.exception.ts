import type { FieldProblem } from '@mentorship/contracts';
import { DomainException } from '@mentorship/platform';

/** The matching context's errors: one static per stable error code. */
export class MatchingException extends DomainException {
  static cohortNotFound() {
    return new MatchingException('not_found', 'cohort_not_found', 'No such cohort.');
  }
  static roundNotFound() {
    return new MatchingException('not_found', 'round_not_found', 'No such matching round.');
  }
  /** 409: rounds run for a cohort in status `matching` only. */
  static cohortNotMatching(status: string) {
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
