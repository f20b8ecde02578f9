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
}
