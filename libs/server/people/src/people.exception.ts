import type { FieldProblem } from '@mentorship/contracts';
import { DomainException } from '@mentorship/platform';

/** A line of a CSV file and why it was refused. */
export interface RejectedLine {
  line: number;
  reasons: string[];
}

export class PeopleException extends DomainException {
  static skillNotFound() {
    return new PeopleException('not_found', 'skill_not_found', 'No such skill.');
  }
  static skillNameTaken(name: string) {
    return new PeopleException(
      'conflict',
      'skill_name_taken',
      `The catalogue already has a skill named "${name}" (names are compared ignoring case).`,
      { name },
    );
  }
  static mergeIntoItself() {
    return new PeopleException('invalid', 'skill_merge_into_itself', 'A skill cannot be merged into itself.');
  }
  static mergeIntoRetired() {
    return new PeopleException(
      'conflict',
      'skill_retired',
      'Skills can only be merged into an active skill; restore it first.',
    );
  }
  /** Also what a profile of someone who is not a member answers: the member is not disclosed. */
  static profileNotFound() {
    return new PeopleException('not_found', 'profile_not_found', 'No such member.');
  }
  /** Field problems only the catalogue can judge (an unknown or retired skill), as validation reports them. */
  static invalidFields(problems: FieldProblem[]) {
    return new PeopleException('invalid', 'validation_failed', 'The request is not valid.', problems);
  }
  static catalogueChanged() {
    return new PeopleException(
      'conflict',
      'skill_catalogue_changed',
      'A skill the data names was retired or merged meanwhile; check it again.',
    );
  }
  static csvMalformed(line: number | null, reason: string) {
    return new PeopleException(
      'invalid',
      'csv_malformed',
      `The file cannot be read as CSV${line === null ? '' : ` (line ${line})`}: ${reason} Nothing was imported.`,
      { line, reason },
    );
  }
  static csvRowsRejected(rejected: RejectedLine[]) {
    return new PeopleException(
      'invalid',
      'csv_rows_rejected',
      `${rejected.length} line(s) of the file cannot be imported; nothing was imported.`,
      { rejected },
    );
  }
}
